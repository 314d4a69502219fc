// The Help bindings (About, Copy diagnostics). Only lib/stores imports this module.
import * as Help from '../../../wailsjs/go/main/Help';
import type { about } from '../../../wailsjs/go/models';
import { toProblem } from './problem';

export type AboutInfo = about.Info;
export type Part = about.Part;

export async function aboutInfo(): Promise<AboutInfo> {
  try {
    return await Help.About();
  } catch (e) {
    throw toProblem(e);
  }
}

/** The diagnostics text: version, system, mode, the last problem codes, the log file's path. */
export async function diagnostics(): Promise<string> {
  try {
    return await Help.Diagnostics();
  } catch (e) {
    throw toProblem(e);
  }
}
