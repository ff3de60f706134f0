import { err, ok, type Result } from './result';

/**
 * Checks a pack file's bytes as they arrive, for the streamed readers (CSV and JSON): UTF-8 only, decoded as it
 * comes; UTF-16, other encodings and binary files are refused with what to do about them.
 */
export class Utf8Check {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  private first = true;

  /** The next piece's text (a character cut at its end waits for the next piece), or the problem. */
  next(chunk: Uint8Array): Result<string> {
    if (
      this.first &&
      chunk.length >= 2 &&
      ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))
    ) {
      return err('the file is UTF-16 text; save it as UTF-8 and import it again');
    }
    this.first = false;
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      return err(
        'the file is not UTF-8 text (it may be Latin-1 or Windows-1252); save it as UTF-8 and import it again',
      );
    }
    return text.includes('\u0000') ? err('the file holds binary data, not text') : ok(text);
  }

  /** What is left at the end of the file. */
  end(): Result<string> {
    try {
      return ok(this.decoder.decode());
    } catch {
      return err('the file is not UTF-8 text (it ends inside a character); save it as UTF-8 and import it again');
    }
  }
}
