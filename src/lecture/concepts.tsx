/**
 * The concept slides, in the lecture's order: (1) supervised pretraining and its cost, and the idea of
 * self-supervision; (2) the pretext tasks; (3) the pipeline; (4) RotNet, the one this lab runs. The words are
 * ours; the claims and citations are the lecture's (and the papers').
 */
import { ConceptSlide, Flow } from './ConceptSlide';
import {
  ColorizationDiagram, ContextDiagram, InpaintingDiagram, JigsawDiagram, RotationDiagram, SuperResolutionDiagram,
} from './diagrams';

/** 1: why labels are the bottleneck. */
export function SupervisedCostSlide() {
  return (
    <ConceptSlide
      points={[
        <>Train a big network to sort ImageNet&apos;s photos into <strong>1,000 classes</strong>, then reuse its features for object detection, segmentation, action recognition.</>,
        <>Every one of those labels was typed by a person. A new task needs new labels, and specialised data needs <strong>experts</strong>: radiologists for medical scans, native speakers or language specialists for text.</>,
        <>Semi-supervised, weakly supervised and unsupervised learning all try to need fewer labels.</>,
      ]}
      figure={
        <Flow
          label="Supervised pretraining"
          vertical
          steps={[
            { title: 'ImageNet', text: 'photos + 1,000 class labels, given by people' },
            { title: 'Pretrained network', text: 'learns general image features' },
            { title: 'Downstream tasks', text: 'detection · segmentation · action recognition' },
          ]}
        />
      }
    />
  );
}

/** 1 (cont.): the idea of a pretext task. */
export function SelfSupervisionSlide() {
  return (
    <ConceptSlide
      points={[
        <>Hide or change part of an input, then ask the network to <strong>restore it</strong> or <strong>say what changed</strong>. This made-up problem is the <em>pretext task</em>.</>,
        <>We did the hiding, so we know the answer: labels for free, from unlabelled data alone. Self-supervised learning is a kind of unsupervised learning.</>,
        <>Solving the pretext task well takes features of what things look like, and those transfer to the <em>downstream task</em> we care about.</>,
      ]}
      figure={
        <Flow
          label="A pretext task"
          vertical
          steps={[
            { title: 'An unlabelled image' },
            { title: 'We hide or change a part', text: 'and remember what we did: that is the label' },
            { title: 'The network predicts what we did' },
          ]}
        />
      }
    />
  );
}

/** 2.1: context prediction. */
export function ContextSlide() {
  return (
    <ConceptSlide
      points={[
        <>Cut nine patches in a 3×3 grid. Show the centre patch and one of the other eight: <strong>which of the 8 places</strong> did it come from?</>,
        <>To answer, the network must recognise parts of objects and know how they fit: a roof sits above a wall.</>,
        <>Against shortcuts: <strong>gaps</strong> between patches and random jitter, so it cannot just continue a line across the border.</>,
      ]}
      figure={<ContextDiagram />}
      source="Doersch, Gupta & Efros, 2015, “Unsupervised Visual Representation Learning by Context Prediction,” ICCV, pp. 1422–1430."
    />
  );
}

/** 2.2: jigsaw puzzles. */
export function JigsawSlide() {
  return (
    <ConceptSlide
      points={[
        <>Cut nine tiles, shuffle them by one permutation from a fixed list, and ask <strong>which permutation</strong>: a classification over the list.</>,
        <>The list is chosen so its permutations differ a lot from each other (the paper&apos;s has 1,000), so no two answers look alike.</>,
        <>Each tile goes through the same network on its own; putting them back in order needs knowing what the parts of an object are.</>,
      ]}
      figure={<JigsawDiagram />}
      source="Noroozi & Favaro, 2016, “Unsupervised Learning of Visual Representations by Solving Jigsaw Puzzles,” ECCV, 69–84."
    />
  );
}

/** 2.3: colorization. */
export function ColorizationSlide() {
  return (
    <ConceptSlide
      points={[
        <>Any colour photo is a free training pair: its <strong>lightness</strong> as the input, its <strong>colours</strong> as the target.</>,
        <>To colour grass green and sky blue, the network has to recognise grass and sky.</>,
        <>Colour is ambiguous (a car may be red or blue), so the paper predicts a probability for each colour bin instead of one average, greyish colour.</>,
        <>The trained encoder is then transferred to the downstream task.</>,
      ]}
      figure={<ColorizationDiagram />}
      source="Zhang, Isola & Efros, 2016, “Colorful Image Colorization,” ECCV, 649–666."
    />
  );
}

/** 2.4 and 2.5: super-resolution and inpainting, the same trick twice. */
export function RestorationSlide() {
  return (
    <ConceptSlide
      points={[
        <><strong>Super-resolution</strong>: shrink freely available images; the network learns to turn the small one back into the original.</>,
        <><strong>Inpainting</strong>: remove part of an image at random; the network fills the hole.</>,
        <>We made the damage, so each (damaged, original) pair costs nothing, and undoing it needs knowing what belongs there.</>,
      ]}
      figure={<><SuperResolutionDiagram /><InpaintingDiagram /></>}
      wide
    />
  );
}

/** 3: the pipeline of the survey, and why bother. */
export function PipelineSlide() {
  return (
    <ConceptSlide
      points={[
        <>Features as general as supervised pretraining&apos;s, without hand-labelling a large dataset.</>,
        <>Nearly unlimited unlabelled data (the web) can be used.</>,
        <>Downstream tasks: classification, regression, object detection, segmentation.</>,
      ]}
      figure={
        <Flow
          label="The self-supervised pipeline"
          steps={[
            { title: '1. Pretext task', text: 'learn features from unlabelled data' },
            { title: '2. Fix the weights', text: 'it is now a pretrained model' },
            { title: '3. Transfer', text: 'new layers for the downstream task, trained on few labels' },
            { title: '4. Evaluate', text: 'the downstream score measures the pretext features' },
          ]}
        />
      }
      wide
      source="Jing & Tian, 2021, “Self-supervised Visual Feature Learning with Deep Neural Networks: A Survey,” IEEE TPAMI 43(11), 4037–4058."
    />
  );
}

/** 4: RotNet, and what this lab will run. */
export function RotNetSlide() {
  return (
    <ConceptSlide
      points={[
        <>Turn each image by 0°, 90°, 180° or 270°; the network names the turn: <strong>4 classes</strong>.</>,
        <>The bet: only a model with “visual commonsense” about what an object looks like can tell which way is up.</>,
        <>In the paper, a classifier on RotNet features came within <strong>1.64 points</strong> of the same kind of network (NIN) trained with all the labels.</>,
        <>Here: the lecture&apos;s small CNN on MNIST. 10,000 images without labels, 1,000 with, 300 to test.</>,
      ]}
      figure={<RotationDiagram />}
      source="Gidaris, Singh & Komodakis, 2018, “Unsupervised Representation Learning by Predicting Image Rotations,” ICLR."
    />
  );
}
