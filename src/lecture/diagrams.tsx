/**
 * Line drawings for the concept slides, made of SVG shapes so they stay sharp on any projector and need no
 * image from anywhere. One small "photo" (a house under the sun) is cut, shuffled, greyed, blurred and holed
 * to show each pretext task on the same picture: students then see that only the *question* changes, never
 * the data.
 */
import type { ReactNode } from 'react';

/** Side of the picture in SVG units; tiles are a third of it. */
const S = 300;
const T = S / 3;

/** The shared picture: sky, sun, a house with a door and window, a tree, grass. Has an obvious "up". */
function Scene() {
  return (
    <g>
      <rect width={S} height={S} fill="#bfe0f5" />
      <circle cx={245} cy={55} r={30} fill="#f5c400" />
      <rect y={215} width={S} height={85} fill="#5ca349" />
      <rect x={55} y={140} width={120} height={95} fill="#d9774b" />
      <polygon points="40,145 115,80 190,145" fill="#8c2f1b" />
      <rect x={100} y={185} width={30} height={50} fill="#5a3a22" />
      <rect x={140} y={160} width={24} height={22} fill="#fff6c8" stroke="#5a3a22" strokeWidth={3} />
      <rect x={235} y={165} width={14} height={60} fill="#6b4423" />
      <circle cx={242} cy={150} r={32} fill="#2f7a3a" />
    </g>
  );
}

/** One tile of the picture (source cell `from`, 0-8 row by row) drawn at (x, y) with side `size`. */
function Tile({ from, x, y, size }: { from: number; x: number; y: number; size: number }) {
  const sx = (from % 3) * T;
  const sy = Math.floor(from / 3) * T;
  // A nested <svg> clips and translates in one go: it shows just this window onto the picture.
  return (
    <svg x={x} y={y} width={size} height={size} viewBox={`${sx} ${sy} ${T} ${T}`}>
      <Scene />
    </svg>
  );
}

/** Frame for every figure: a described SVG that scales to its box. */
function Figure({ label, viewBox, children }: { label: string; viewBox: string; children: ReactNode }) {
  return (
    <svg className="diagram" viewBox={viewBox} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
      <defs>
        <filter id="grey"><feColorMatrix type="saturate" values="0" /></filter>
        <filter id="blur"><feGaussianBlur stdDeviation="7" /></filter>
        <marker id="arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill="#1b1b1f" />
        </marker>
      </defs>
      {children}
    </svg>
  );
}

/** A caption under a picture; short (about 18 characters), since a 300-unit picture is its width. */
function Caption({ x, y, children, size = 30 }: { x: number; y: number; children: ReactNode; size?: number }) {
  return <text x={x} y={y} textAnchor="middle" fontSize={size} fill="#1b1b1f">{children}</text>;
}

function Arrow({ x1, x2, y }: { x1: number; x2: number; y: number }) {
  return <line x1={x1} y1={y} x2={x2} y2={y} stroke="#1b1b1f" strokeWidth={4} markerEnd="url(#arrow)" />;
}

/**
 * Context prediction (Doersch et al.): nine patches with gaps between them; the centre (blue) and one
 * neighbour (orange) are the input, and the answer is where the neighbour sits, one of eight places.
 */
export function ContextDiagram() {
  const gap = 14;
  const size = T - gap;
  const cells = Array.from({ length: 9 }, (_, i) => i);
  // Places 1-8 read row by row around the centre, which is not a place (cell 4 is skipped).
  const position = (i: number) => (i < 4 ? i + 1 : i);
  return (
    <Figure label="A picture cut into a three by three grid of patches with gaps. The centre patch and the top-right patch are marked; the network must answer that the second one is at position 3 of 8." viewBox="-10 -10 320 360">
      {cells.map((i) => {
        const x = (i % 3) * T + gap / 2;
        const y = Math.floor(i / 3) * T + gap / 2;
        const mark = i === 4 ? '#0072B2' : i === 2 ? '#D55E00' : null;
        return (
          <g key={i}>
            {/* The other patches are faded, not hidden: the class should see where the eight places are. */}
            <g opacity={mark ? 1 : 0.35}><Tile from={i} x={x} y={y} size={size} /></g>
            {mark && <rect x={x} y={y} width={size} height={size} fill="none" stroke={mark} strokeWidth={7} />}
            {i !== 4 && <text x={x + 8} y={y + 26} fontSize={22} fontWeight={700} fill="#1b1b1f">{position(i)}</text>}
          </g>
        );
      })}
      <Caption x={150} y={342} size={24}>orange is at position 3 of 8</Caption>
    </Figure>
  );
}

/** The jigsaw's shuffled order: which source tile sits at each place (one permutation of the fixed set). */
const PERMUTATION = [7, 2, 4, 0, 8, 6, 3, 1, 5];

/** Jigsaw (Noroozi & Favaro): the nine tiles, shuffled; the label is which permutation was used. */
export function JigsawDiagram() {
  const gap = 8;
  const size = T - gap;
  return (
    <Figure label="The picture's nine tiles in order on the left, and shuffled by one permutation on the right; the network must name the permutation." viewBox="-10 -10 700 360">
      {PERMUTATION.map((_, i) => (
        <g key={`a${i}`}>
          <Tile from={i} x={(i % 3) * T + gap / 2} y={Math.floor(i / 3) * T + gap / 2} size={size} />
          <text x={(i % 3) * T + 12} y={Math.floor(i / 3) * T + 30} fontSize={22} fontWeight={700} fill="#1b1b1f">{i + 1}</text>
        </g>
      ))}
      <Arrow x1={310} x2={370} y={150} />
      {PERMUTATION.map((from, i) => (
        <g key={`b${i}`}>
          <Tile from={from} x={380 + (i % 3) * T + gap / 2} y={Math.floor(i / 3) * T + gap / 2} size={size} />
          <text x={380 + (i % 3) * T + 12} y={Math.floor(i / 3) * T + 30} fontSize={22} fontWeight={700} fill="#1b1b1f">{from + 1}</text>
        </g>
      ))}
      <Caption x={150} y={345}>original order</Caption>
      <Caption x={530} y={345}>which permutation?</Caption>
    </Figure>
  );
}

/** Two pictures with an arrow between: the damaged input and the original the network must produce. */
function Pair({ label, left, right, leftCaption, rightCaption }: { label: string; left: ReactNode; right: ReactNode; leftCaption: string; rightCaption: string }) {
  return (
    <Figure label={label} viewBox="-10 -10 700 365">
      <svg width={S} height={S} viewBox={`0 0 ${S} ${S}`}>{left}</svg>
      <Arrow x1={310} x2={370} y={150} />
      <svg x={380} width={S} height={S} viewBox={`0 0 ${S} ${S}`}>{right}</svg>
      <Caption x={150} y={345}>{leftCaption}</Caption>
      <Caption x={530} y={345}>{rightCaption}</Caption>
    </Figure>
  );
}

/** Colorization (Zhang et al.): lightness in, colour out. */
export function ColorizationDiagram() {
  return (
    <Pair
      label="The picture in grey as the input, and the same picture in colour as the target."
      left={<g filter="url(#grey)"><Scene /></g>}
      right={<Scene />}
      leftCaption="input: grey"
      rightCaption="target: colour"
    />
  );
}

/** Super-resolution: a blurred (shrunk, then enlarged) copy in, the sharp original out. */
export function SuperResolutionDiagram() {
  return (
    <Pair
      label="A blurry, low-resolution copy of the picture as the input, and the sharp original as the target."
      left={<g filter="url(#blur)"><Scene /></g>}
      right={<Scene />}
      leftCaption="input: low-res"
      rightCaption="target: original"
    />
  );
}

/** Inpainting: a picture with a hole in, the complete picture out. */
export function InpaintingDiagram() {
  return (
    <Pair
      label="The picture with a square removed from the house as the input, and the complete picture as the target."
      left={<><Scene /><rect x={95} y={120} width={90} height={90} fill="#ffffff" stroke="#4a4a55" strokeWidth={3} strokeDasharray="10 6" /></>}
      right={<Scene />}
      leftCaption="input: a hole"
      rightCaption="target: complete"
    />
  );
}

/** RotNet (Gidaris et al.): one digit, four turns, four labels. */
export function RotationDiagram() {
  const turns = [0, 90, 180, 270];
  return (
    <Figure label="The digit 7 turned by 0, 90, 180 and 270 degrees counter-clockwise, labelled 0, 1, 2 and 3." viewBox="0 0 680 260">
      {turns.map((deg, k) => {
        const x = k * 170 + 10;
        return (
          <g key={deg}>
            <rect x={x} y={10} width={150} height={150} fill="#000" rx={6} />
            {/* SVG turns clockwise for positive angles; np.rot90 turns counter-clockwise, hence the minus. */}
            <text x={x + 75} y={85} transform={`rotate(${-deg} ${x + 75} ${85})`} textAnchor="middle" dominantBaseline="central" fontSize={120} fontWeight={700} fill="#fff">7</text>
            <text x={x + 75} y={200} textAnchor="middle" fontSize={30} fontWeight={700} fill="#1b1b1f">{deg}°</text>
            <text x={x + 75} y={240} textAnchor="middle" fontSize={30} fill="#1b1b1f">label {k}</text>
          </g>
        );
      })}
    </Figure>
  );
}
