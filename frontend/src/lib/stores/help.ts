// The Help menu's actions, for components (which do not import lib/api themselves).
import { aboutInfo, diagnostics, type AboutInfo, type Part } from '../api/help';
import { copyText } from '../api/app';

export type { AboutInfo, Part };
export const loadAbout = (): Promise<AboutInfo> => aboutInfo();

/** Copies the diagnostics text; false when it could not be had or copied. */
export async function copyDiagnostics(): Promise<boolean> {
  try {
    return await copyText(await diagnostics());
  } catch {
    return false;
  }
}
