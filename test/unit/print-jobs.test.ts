import { describe, expect, it } from 'vitest';
import { printHash, printTargetFromHash } from '../../shared/print/jobs';
import { mmToMicrons, pageRule, papers, printableMm } from '../../shared/print/papers';

describe('print routes', () => {
  it('round-trips a print job through the hash, target and parameters intact', () => {
    const hash = printHash({
      kind: 'dispatch-slip',
      target: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      paper: 'continuous-241',
      params: { copies: '4', reprint: '2', note: '随货 联/1?&' },
    });
    expect(printTargetFromHash(hash)).toEqual({
      kind: 'dispatch-slip',
      target: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      paper: 'continuous-241',
      params: { copies: '4', reprint: '2', note: '随货 联/1?&' },
    });
  });

  it('is not a print route for the app areas, an unknown kind, a missing target or an unknown paper', () => {
    expect(printTargetFromHash('#/documents/abc')).toBeNull();
    expect(printTargetFromHash('#/print/receipt/abc?paper=a4-portrait')).toBeNull();
    expect(printTargetFromHash('#/print/dispatch-slip/?paper=a4-portrait')).toBeNull();
    expect(printTargetFromHash('#/print/dispatch-slip/abc?paper=letter')).toBeNull();
    expect(printTargetFromHash('#/print/dispatch-slip/abc')).toBeNull();
  });
});

describe('papers', () => {
  it('gives the 241 mm continuous form as 9.5 × 11 in and the thermal roll 72 mm printable', () => {
    expect(mmToMicrons(papers['continuous-241'].widthMm)).toBe(241_300);
    expect(mmToMicrons(papers['continuous-241'].heightMm)).toBe(279_400);
    expect(printableMm(papers['thermal-80']).widthMm).toBe(72);
    expect(pageRule(papers['a5-landscape'])).toBe('@page { size: 210mm 148mm; margin: 0; }');
  });
});
