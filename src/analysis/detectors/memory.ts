/** The training script's use of memory: tensors a loop creates at every step and never frees. */
import type { Observation } from '../context';
import type { PlannedFix } from '../fixes';
import type { ModelState } from '../model-state';
import type { SourceSite, TraceEventOf } from '../trace';

/** "644 B", "12.5 KB", "3.2 MB". */
export function bytesText(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

function shapeText(shape: ReadonlyArray<number | null>): string {
  return shape.length === 0 ? 'scalar' : `[${shape.map((d) => (d === null ? '?' : String(d))).join(', ')}]`;
}

/**
 * Live tensors grew at every one of the last steps, and tensors made during one step outlived it.
 * The finding sits on the line that made the most of them; the others are related places. It is
 * about the script, not the model: it neither explains nor hides what training shows.
 */
export function tensorLeak(e: TraceEventOf<'tensorLeak'>, run: ModelState): Observation {
  const located = e.sites.filter((s): s is typeof s & { site: SourceSite } => s.site !== null);
  const main = located[0] ?? null;
  const perStep = Math.max(1, Math.round(e.tensorsPerStep));
  const lines = [...new Set(located.map((s) => s.site.line))];
  const one = located.length === 1 && located[0]!.tensors === 1;
  const where =
    lines.length === 0
      ? ''
      : lines.length === 1
        ? ` ${one ? 'The one' : 'Those'} made on line ${lines[0]} ${one ? 'is' : 'are'} never freed.`
        : ` Those made on lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]} are never freed.`;
  const epochs = e.period === 'epoch';
  const fits = e.period === 'fit';
  const every = e.period === 'steps' && e.everySteps ? e.everySteps : null;
  const unit = epochs ? 'epoch' : fits ? 'fit call' : every ? `${every} steps` : 'step';
  const cadence = every ? `once every ${every} steps` : fits ? 'between each of its fit calls and the next' : `at every ${unit}`;
  const perThousand = e.bytesPerStep * (epochs || fits ? 100 : 1000 / (every ?? 1));
  const message =
    `Training leaks ${plural(perStep, 'tensor')} (${bytesText(e.bytesPerStep)}) ${cadence}${epochs ? " in fit's epoch callbacks" : ''}, so memory grows until the process runs out.${where} ` +
    `tfjs frees a tensor only on dispose() or at the end of the tf.tidy() that made it.`;
  const evidence = [
    fits
      ? `live tensors rose by ${perStep} from each fit call to the next, ${e.steps} times running; ${e.liveTensors} tensors (${bytesText(e.liveBytes)}) were live at step ${e.iter}`
      : epochs
      ? `tensors made by the epoch callbacks of each of ${e.steps} epochs running were still alive an epoch later (${plural(perStep, 'tensor')} per epoch); ${e.liveTensors} tensors (${bytesText(e.liveBytes)}) were live at step ${e.iter}`
      : every
        ? `live tensors rose by ${perStep} once every ${every} steps, ${e.steps} times running, and stayed level between; ${e.liveTensors} tensors (${bytesText(e.liveBytes)}) were live at step ${e.iter}`
        : `live tensors grew at each of the last ${e.steps} steps (${plural(perStep, 'tensor')} per step); ${e.liveTensors} tensors (${bytesText(e.liveBytes)}) were live at step ${e.iter}`,
    ...(perThousand >= 1024 ? [`at this rate ${epochs ? '100 more epochs hold' : fits ? '100 more fit calls hold' : '1000 more steps hold'} ${bytesText(perThousand)} more`] : []),
    ...located.map((s) => `line ${s.site.line}: ${plural(s.tensors, 'tensor')} per ${unit} (${s.dtype} ${shapeText(s.shape)}${s.tensors > 1 ? ' and others' : ''}) outlived ${every ? `the next ${every} steps` : `the ${unit} that made ${s.tensors === 1 ? 'it' : 'them'}`}`),
  ];
  const related = located.slice(1).map((s) => ({ site: s.site, message: `${plural(s.tensors, 'tensor')} made here ${cadence} ${s.tensors === 1 ? 'is' : 'are'} never freed` }));
  if (e.stepSite && !located.some((s) => s.site.line === e.stepSite!.line && s.site.file === e.stepSite!.file)) related.push({ site: e.stepSite, message: epochs ? 'the fit call' : 'the training step' });
  const sameFile = main ? located.filter((s) => s.site.file === main.site.file) : [];
  const fixes: PlannedFix[] = sameFile.length
    ? [
        { title: `Free the leaked tensors at the end of each ${epochs ? 'callback' : fits ? 'pass of the loop that makes them' : every ? 'block that makes them' : 'step'}`, plan: { kind: 'disposeTensors', sites: sameFile.map((s) => ({ site: s.site, tensors: s.tensors })) } },
        // Made inside a step function the loop calls: that call runs in tf.tidy, which frees them all.
        ...(epochs || fits ? [] : [{ title: 'Run each step in tf.tidy', plan: { kind: 'tidyCaller' as const, site: main!.site } }]),
      ]
    : [];
  // Each fit call's data made by a helper the loop calls: made in tf.tidy, disposed after the fit.
  if (fits && e.stepSite) fixes.push({ title: "Make each fit's data in tf.tidy and dispose it after the fit", plan: { kind: 'tidyFitData', fitSite: e.stepSite } });
  return {
    symptom: 'tensor-leak',
    about: epochs ? 'callbacks' : every || fits ? 'periodic' : 'memory',
    harm: true,
    scriptOnly: true,
    priority: 0.3,
    layer: null,
    iteration: e.iter,
    elapsedMs: e.elapsedMs,
    message,
    evidence,
    relevance: new Map(),
    related,
    cause: {
      rootCause: 'tensor-disposal',
      layer: null,
      location: main?.site ?? e.stepSite ?? run.view?.event.fitSite ?? null,
      fixes,
      confirms: [],
      // An optimizer made at every step leaks its own tensors: that finding explains this one.
      folds: ['optimizer-recreated:optimizer'],
    },
  };
}
