import { describe, expect, it } from 'vitest';
import { componentStatus, formatUptime, monitorStatus, overallStatus, uptimeClass, worstUptime } from './rollup.ts';

describe('componentStatus', () => {
  it('shows the worst monitor: down > degraded > maintenance > up', () => {
    expect(componentStatus(['up', 'degraded', 'down', 'maintenance'])).toBe('down');
    expect(componentStatus(['up', 'maintenance', 'degraded'])).toBe('degraded');
    expect(componentStatus(['up', 'maintenance'])).toBe('maintenance');
    expect(componentStatus(['up', 'up'])).toBe('up');
  });

  it('counts pending, paused and missing monitors as no data', () => {
    expect(monitorStatus('pending')).toBe('nodata');
    expect(monitorStatus('paused')).toBe('nodata');
    expect(monitorStatus(undefined)).toBe('nodata');
    expect(componentStatus(['pending', 'paused', undefined])).toBe('nodata');
    expect(componentStatus([])).toBe('nodata');
    expect(componentStatus(['paused', 'up'])).toBe('up');
  });

  it('shows maintenance while a notice runs, unless a monitor is worse', () => {
    expect(componentStatus(['up'], true)).toBe('maintenance');
    expect(componentStatus([], true)).toBe('maintenance');
    expect(componentStatus(['degraded'], true)).toBe('degraded');
    expect(componentStatus(['down'], true)).toBe('down');
  });
});

describe('overallStatus', () => {
  it('is operational when everything with data is up', () => {
    expect(overallStatus(['up', 'nodata', 'up'], [], false)).toMatchObject({ kind: 'operational', indicator: 'none', description: 'All systems operational' });
    expect(overallStatus([], [], false).kind).toBe('operational');
  });

  it('is a partial outage when some components are down and a major outage when all are', () => {
    expect(overallStatus(['up', 'down'], [], false)).toMatchObject({ kind: 'partial', indicator: 'minor', description: 'Partial outage' });
    expect(overallStatus(['down', 'down', 'nodata'], [], false)).toMatchObject({ kind: 'major', indicator: 'major', description: 'Major outage' });
  });

  it('reports degraded performance below any outage', () => {
    expect(overallStatus(['up', 'degraded'], [], false)).toMatchObject({ kind: 'degraded', indicator: 'minor' });
    expect(overallStatus(['degraded', 'down', 'up'], [], false).kind).toBe('partial');
  });

  it('raises the status to the impact of an active incident, never lowers it', () => {
    expect(overallStatus(['up'], ['critical'], false)).toMatchObject({ kind: 'critical', indicator: 'critical' });
    expect(overallStatus(['up'], ['minor'], false).kind).toBe('degraded');
    expect(overallStatus(['up'], ['none'], false).kind).toBe('operational');
    expect(overallStatus(['down'], ['minor'], false).kind).toBe('major');
  });

  it('shows maintenance only when nothing is wrong', () => {
    expect(overallStatus(['up'], [], true)).toMatchObject({ kind: 'maintenance', indicator: 'maintenance', description: 'Under maintenance' });
    expect(overallStatus(['up', 'maintenance'], [], false).kind).toBe('maintenance');
    expect(overallStatus(['down', 'up'], [], true).kind).toBe('partial');
  });
});

describe('uptime bars', () => {
  it('colours a day by its uptime and greys days without data', () => {
    expect(uptimeClass(1)).toBe('ok');
    expect(uptimeClass(0.999)).toBe('ok');
    expect(uptimeClass(0.998)).toBe('minor');
    expect(uptimeClass(0.99)).toBe('minor');
    expect(uptimeClass(0.97)).toBe('partial');
    expect(uptimeClass(0.5)).toBe('major');
    expect(uptimeClass(0)).toBe('major');
    expect(uptimeClass(null)).toBe('none');
  });

  it("takes the worst monitor's day and ignores monitors without data", () => {
    expect(worstUptime([1, 0.95, null, undefined])).toBe(0.95);
    expect(worstUptime([null, undefined])).toBeNull();
  });

  it('rounds down so an imperfect day never reads 100%', () => {
    expect(formatUptime(1)).toBe('100%');
    expect(formatUptime(0.99996)).toBe('99.99%');
    expect(formatUptime(0.5)).toBe('50.00%');
  });
});
