import type { ImageDTO, ImagesEvent } from '../../shared/dto.js';
import type { EngineConnection } from './connection.js';
import { engineFailure } from './docker.js';
import { Emitter, type Dispose } from './disposable.js';
import { toImageDTO, type RawImage } from './mappers.js';

const COALESCE_MS = 100;

/** Images: list, remove, and a live feed re-listed (coalesced) on image events. */
export class ImageService {
  private readonly feed = new Emitter<ImagesEvent>();
  private last: ImageDTO[] | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private detach: Dispose[] = [];

  constructor(private readonly conn: EngineConnection) {}

  async list(): Promise<ImageDTO[]> {
    try {
      const raw = (await this.conn.docker.listImages({ all: false })) as unknown as RawImage[];
      return raw.map(toImageDTO);
    } catch (err) {
      throw engineFailure(err, this.conn.endpoint);
    }
  }

  async remove(ref: string, force: boolean): Promise<null> {
    try {
      await this.conn.docker.getImage(ref).remove({ force });
    } catch (err) {
      throw engineFailure(err, this.conn.endpoint, `Image ${ref}`);
    }
    return null;
  }

  watch(listener: (e: ImagesEvent) => void): Dispose {
    const off = this.feed.on(listener);
    if (this.feed.count === 1) {
      this.detach = [
        this.conn.resync.on(() => this.schedule(0)),
        this.conn.engineEvent.on((ev) => {
          // A container removal can free an image; a commit creates one.
          if (ev.Type === 'image' || ev.Action === 'commit') this.schedule(COALESCE_MS);
        }),
      ];
    }
    if (this.last) listener({ kind: 'snapshot', items: this.last });
    else if (this.conn.connected) this.schedule(0);
    return () => {
      off();
      if (this.feed.count === 0) {
        for (const d of this.detach) d();
        this.detach = [];
        clearTimeout(this.timer);
        this.timer = undefined;
        this.last = undefined;
      }
    };
  }

  private schedule(ms: number): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, ms);
  }

  private async refresh(): Promise<void> {
    try {
      this.last = await this.list();
      this.feed.emit({ kind: 'snapshot', items: this.last });
    } catch {
      // Reported by the connection; resync refreshes later.
    }
  }
}
