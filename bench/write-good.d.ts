declare module "write-good" {
  /** write-good's suggestions for a text (passive voice, weasel words, clichés…). */
  function writeGood(text: string): Array<{ index: number; offset: number; reason: string }>;
  export = writeGood;
}
