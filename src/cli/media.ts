// `habarshy media clean-originals`: rewrites the photo originals kept before uploads were cleaned
// (they may carry EXIF with GPS and are served under /media/originals/) without their metadata.
import { migrate, openDatabase } from '../services/database.ts';
import path from 'node:path';
import { MediaLibrary } from '../services/newsroom/media.ts';
import { UsageError, type Command } from './command.ts';

const HELP = `Usage:
  habarshy media clean-originals

Rewrites every kept original under DATA_DIR/media/originals that still carries metadata (EXIF,
GPS, XMP, IPTC) in its own format, turned upright, with the colour profile only — as uploads are
kept now. Originals without metadata are left as they are; running it again changes nothing.

Environment: DATABASE_URL (postgres://… or sqlite:FILE; default sqlite in DATA_DIR), DATA_DIR (default ./data).`;

export const mediaCommand: Command = {
  summary: 'photo files: clean-originals (remove EXIF/GPS from originals kept by older versions)',
  help: HELP,
  options: {},
  positionals: true,
  async run(_values, positionals, loadConfig) {
    if (positionals.length !== 1 || positionals[0] !== 'clean-originals') throw new UsageError(`expected clean-originals\n\n${HELP}`);
    const config = loadConfig();
    const handle = openDatabase(config.databaseUrl);
    try {
      await migrate(handle);
      const library = new MediaLibrary({
        db: handle.db,
        mediaDir: path.join(config.dataDir, 'media'),
        clock: () => new Date(),
        invalidate: () => 0,
      });
      const { checked, cleaned } = await library.cleanOriginals();
      process.stdout.write(`checked ${checked} original(s), removed metadata from ${cleaned}\n`);
      return 0;
    } finally {
      await handle.close();
    }
  },
};
