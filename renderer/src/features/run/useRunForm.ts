import { useEffect, useMemo, useRef, useState } from 'react';
import type { PullEvent } from '../../../../shared/contract/run.js';
import { t } from '../../../../shared/i18n/index.js';
import type { KapalError } from '../../../../shared/result.js';
import { dockerRunCommand } from '../../../../shared/run/command-line.js';
import { draftToSpec, emptyDraft, type RunDraft } from '../../../../shared/run/draft.js';
import type { FieldProblem, RunSpec } from '../../../../shared/run/spec.js';
import { useClient } from '../../api/context.js';

export type RunPhase =
  | { kind: 'editing' }
  | { kind: 'pulling'; done: number; layers: number; status: string }
  | { kind: 'starting' }
  | { kind: 'failed'; error: KapalError };

function merge(local: FieldProblem[], remote: FieldProblem[]): FieldProblem[] {
  const out = [...local];
  for (const p of remote) if (!out.some((x) => x.field === p.field)) out.push(p);
  return out;
}

/**
 * The Run form's state: the draft as typed, the spec and problems derived from it (pure, in shared/),
 * the engine's own checks (debounced), and the pull → create → start sequence.
 */
export function useRunForm(initialImage: string, onStarted: (id: string, name: string) => void) {
  const client = useClient();
  const [draft, setDraft] = useState<RunDraft>(() => emptyDraft(initialImage));
  const [remote, setRemote] = useState<{ problems: FieldProblem[]; imageLocal: boolean; for: string }>();
  const [phase, setPhase] = useState<RunPhase>({ kind: 'editing' });
  const { spec, problems: local } = useMemo(() => draftToSpec(draft), [draft]);
  const specKey = JSON.stringify(spec);
  const command = useMemo(() => dockerRunCommand(spec), [spec]);
  const seq = useRef(0);

  useEffect(() => {
    if (local.length > 0 || !draft.image.trim()) return;
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      void client.call('containers:check', { spec: JSON.parse(specKey) as RunSpec }).then((r) => {
        if (mine !== seq.current) return;
        if (r.ok) setRemote({ ...r.value, for: specKey });
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [client, specKey, local.length, draft.image]);

  const fresh = remote?.for === specKey ? remote : undefined;
  const problems = merge(local, fresh?.problems ?? []);

  function pull(ref: string): Promise<KapalError | undefined> {
    return new Promise((resolve) => {
      const stop = client.subscribe('images:pull', { ref }, (e: PullEvent) => {
        if (e.kind === 'progress') setPhase({ kind: 'pulling', done: e.done, layers: e.layers, status: e.status });
        else {
          stop();
          resolve(
            e.kind === 'done'
              ? undefined
              : { code: 'NOT_FOUND', message: e.message, ...(e.hint ? { hint: e.hint } : {}) },
          );
        }
      });
      setPhase({ kind: 'pulling', done: 0, layers: 0, status: t('run.pulling', { image: ref }) });
    });
  }

  async function submit(): Promise<void> {
    if (local.length > 0) return;
    const check = await client.call('containers:check', { spec });
    if (!check.ok) return setPhase({ kind: 'failed', error: check.error });
    setRemote({ ...check.value, for: specKey });
    if (check.value.problems.length > 0) return;
    if (!check.value.imageLocal) {
      const err = await pull(spec.image);
      if (err) return setPhase({ kind: 'failed', error: err });
    }
    setPhase({ kind: 'starting' });
    const r = await client.call('containers:run', { spec });
    if (r.ok) return onStarted(r.value.id, r.value.name);
    const fieldProblems = (r.error.details?.problems as FieldProblem[] | undefined) ?? [];
    if (fieldProblems.length > 0) setRemote({ problems: fieldProblems, imageLocal: true, for: specKey });
    setPhase(fieldProblems.length > 0 ? { kind: 'editing' } : { kind: 'failed', error: r.error });
  }

  /** Some fields could not be read, so the command line leaves them out. */
  const incomplete = local.length > 0;
  return {
    draft,
    setDraft,
    spec,
    command,
    problems,
    incomplete,
    phase,
    setPhase,
    submit,
    imageLocal: fresh?.imageLocal,
  };
}
