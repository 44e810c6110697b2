/**
 * The door to the fast digit head: the Dense(10) head on cached trunk features trained in plain JavaScript on
 * typed arrays, in the CPU backend's order of operations, because about fifty tfjs operations per step cost
 * more than the arithmetic of so small a head. `features/head.ts` says what the head is; this only makes it quick.
 */
export { fitHeadInJs } from './js-fit';
