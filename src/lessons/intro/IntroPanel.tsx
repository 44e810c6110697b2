/**
 * The introduction: why self-supervised learning, in a few sentences and one picture of the pipeline.
 */
import { Panel } from '../kit/Panel';

const PIPELINE = [
  { title: 'Pretext task', text: 'Make labels from the data itself (here: how far was the image turned?) and train a network on them. No human labels.' },
  { title: 'Freeze', text: 'Keep the learned convolution layers and fix their weights.' },
  { title: 'Transfer', text: 'Put a small new head on top and train only the head on a few labelled images.' },
  { title: 'Evaluate', text: 'Test on images neither model saw, against a network trained on the labels alone.' },
] as const;

/** The introduction panel. */
export function IntroPanel() {
  return (
    <Panel id="intro">
      <p>
        Deep networks learn good features from millions of labelled images (ImageNet), and those features transfer to
        other tasks. But labels are slow and expensive: a radiologist must label medical scans, a native speaker must
        label text. <strong>Self-supervised learning</strong> invents a <em>pretext task</em> whose labels come free
        from the data, hiding or changing part of an image and asking the network to undo it or say what changed. To
        solve it well the network has to learn what things look like, and those features can then serve a{' '}
        <em>downstream task</em> for which we only have a few labels.
      </p>
      <ol className="pipeline" aria-label="The self-supervised pipeline">
        {PIPELINE.map((step, i) => (
          <li key={step.title}>
            <span className="pipeline-step">{i + 1}. {step.title}</span>
            <span>{step.text}</span>
          </li>
        ))}
      </ol>
      <p>
        Pretext tasks from the lecture: predicting where one patch sits relative to another (Doersch, Gupta &amp; Efros,
        ICCV 2015); solving a jigsaw of nine shuffled patches (Noroozi &amp; Favaro, ECCV 2016); colorizing a grey
        photo (Zhang, Isola &amp; Efros, ECCV 2016); super-resolution; inpainting a removed region; and the one we run
        here, <strong>RotNet</strong>: recognising whether an image was turned by 0, 90, 180 or 270 degrees (Gidaris,
        Singh &amp; Komodakis, ICLR 2018). The pipeline follows the survey by Jing &amp; Tian (IEEE TPAMI 2021).
      </p>
    </Panel>
  );
}
