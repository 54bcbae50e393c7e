/** Something to undo: a stream subscription, a listener, a timer. */
export type Dispose = () => void;

/** A set of disposables released together (per socket, per window). */
export class DisposableStore {
  private items = new Set<Dispose>();
  private disposed = false;

  add(d: Dispose): Dispose {
    if (this.disposed) {
      d();
      return () => undefined;
    }
    this.items.add(d);
    return () => {
      if (this.items.delete(d)) d();
    };
  }

  get size(): number {
    return this.items.size;
  }

  dispose(): void {
    this.disposed = true;
    const all = [...this.items];
    this.items.clear();
    for (const d of all) d();
  }
}

/** A tiny typed listener list. */
export class Emitter<T> {
  private listeners = new Set<(value: T) => void>();

  on(listener: (value: T) => void): Dispose {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(value: T): void {
    for (const l of [...this.listeners]) l(value);
  }

  get count(): number {
    return this.listeners.size;
  }
}
