import type { components } from '../api/schema';

/** The API's severities, most severe first (advisories, exposures and incidents share them). */
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const satisfies readonly components['schemas']['Severity'][];

/** The exposure statuses still to fix, as the summaries count them "open": a filter of the exposure list. */
export const STILL_TO_FIX = 'TO_CONFIRM,OPEN,ACKNOWLEDGED,IN_PROGRESS';

/** Whether an exposure in this status no longer counts against its due date (the API's overdue does the same). */
export function exposureDone(status?: string): boolean {
  return !STILL_TO_FIX.split(',').includes(status ?? '');
}

/** The incident categories of the regulation's report form, in its order. */
export const INCIDENT_CATEGORIES: components['schemas']['IncidentCategory'][] = [
  'MALWARE',
  'INTRUSION',
  'DDOS',
  'DEFACEMENT',
  'PHISHING_FRAUD',
  'DATA_LEAK',
  'DISINFORMATION',
  'VULNERABILITY_EXPLOITATION',
  'OTHER',
];
