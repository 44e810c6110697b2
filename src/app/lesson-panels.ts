/**
 * Each lesson's panel component, by id. Kept apart from the registry (src/lessons/registry.ts) so that the URL
 * parser and Node tests can read the list of lessons without importing React components; the record type
 * makes the compiler ask for a panel whenever a lesson is registered.
 */
import type { ComponentType } from 'react';
import { IntroPanel } from '../lessons/intro/IntroPanel';
import { DataPanel } from '../lessons/data/DataPanel';
import { SettingsPanel } from '../lessons/settings/SettingsPanel';
import { PretextDataPanel } from '../lessons/rotation/PretextDataPanel';
import { PretextPanel } from '../lessons/pretext/PretextPanel';
import { TransferPanel } from '../lessons/transfer/TransferPanel';
import { SupervisedPanel } from '../lessons/supervised/SupervisedPanel';
import { ComparePanel } from '../lessons/compare/ComparePanel';
import { LeaderboardPanel } from '../lessons/leaderboard/LeaderboardPanel';
import { InsidePanel } from '../lessons/inside/InsidePanel';
import { CurvePanel } from '../lessons/curve/CurvePanel';
import { PretextLengthPanel } from '../lessons/pretext-length/PretextLengthPanel';
import { DrawPanel } from '../lessons/draw/DrawPanel';
import type { LessonId } from '../lessons/registry';

/** The panel of every registered lesson: shown on the self-study page, and as the live slide in lecture mode. */
export const LESSON_PANELS: Readonly<Record<LessonId, ComponentType>> = {
  intro: IntroPanel,
  data: DataPanel,
  settings: SettingsPanel,
  rotation: PretextDataPanel,
  pretext: PretextPanel,
  transfer: TransferPanel,
  supervised: SupervisedPanel,
  compare: ComparePanel,
  leaderboard: LeaderboardPanel,
  inside: InsidePanel,
  curve: CurvePanel,
  'pretext-length': PretextLengthPanel,
  draw: DrawPanel,
};
