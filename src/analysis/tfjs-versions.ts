/**
 * Which TensorFlow.js versions the probe can trace. Shared by the probe (which leaves an
 * unsupported version alone, so the script trains exactly as without Faultline) and the hosts
 * (which explain why there is no diagnosis).
 */

/** The probe's hooks rely on the callback and optimizer APIs of TensorFlow.js 1.0 and newer. */
export const OLDEST_SUPPORTED_MAJOR = 1;
/** Versions the integration checks have traced end to end. */
export const CHECKED_VERSIONS = '1.7, 3.21 and 4.22';
const NEWEST_CHECKED_MAJOR = 4;

export type TfjsSupport = 'supported' | 'unsupported' | 'untested';

export function tfjsSupport(version: string): TfjsSupport {
  const match = /^(\d+)\.(\d+)/.exec(version.trim());
  if (!match) return 'untested';
  const major = Number(match[1]);
  if (major < OLDEST_SUPPORTED_MAJOR) return 'unsupported';
  if (major > NEWEST_CHECKED_MAJOR) return 'untested';
  return 'supported';
}

export function unsupportedTfjsMessage(version: string): string {
  return (
    `TensorFlow.js ${version} is too old to trace: Faultline supports TensorFlow.js ${OLDEST_SUPPORTED_MAJOR}.0 and newer ` +
    `(checked with ${CHECKED_VERSIONS}). The script ran without tracing; upgrade @tensorflow/tfjs to 4.x to diagnose it.`
  );
}

export function untestedTfjsMessage(version: string): string {
  return `TensorFlow.js ${version} is newer than the versions Faultline was checked with (${CHECKED_VERSIONS}); if a finding looks wrong, please report it with this version.`;
}
