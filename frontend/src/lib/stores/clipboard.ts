// Copying to the clipboard, for components (which do not import lib/api themselves).
import { copyText } from '../api/app';

export const copy = (text: string): Promise<boolean> => copyText(text);
