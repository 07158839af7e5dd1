import { describe, expect, it } from 'vitest';
import { Registry } from './system.js';
import { defineModule, type ModuleDef } from './module.js';
import { defineWorkflow } from './workflow/index.js';

const host = defineModule({
  key: 'host',
  title: '宿主',
  permissions: { 'host.read': { label: '查看', roles: ['viewer'] } },
  entities: { 'host.thing': { label: '事项', readPermission: 'host.read', ownerOrg: async () => null } },
  extensionPoints: {
    'host.kind': { label: '事项类型', check: (c, from) => (typeof (c as { kind?: unknown }).kind === 'string' ? [] : [`${from} 的类型缺少 kind`]) },
  },
});
const plugin = (value: unknown, point = 'host.kind'): ModuleDef => ({ key: 'plugin', title: '插件', contributes: { [point]: [value] } });
const wf = (key: string) =>
  defineWorkflow({ key, label: '事项', stages: { a: '甲' }, events: { go: '走' }, initial: 'a', guards: {}, matrix: { '*': { a: { go: {} } } } });

describe('registry: extension points and workflows', () => {
  it('gives a point its contributions, in manifest order, with the contributing module', () => {
    const r = new Registry([host, plugin({ kind: 'x' })]);
    expect(r.contributions('host.kind')).toEqual([{ module: 'plugin', value: { kind: 'x' } }]);
  });
  it.each([
    ['an unknown point', () => new Registry([host, plugin({ kind: 'x' }, 'host.nothing')]), /contributes to unknown extension point host.nothing/],
    ['a contribution its point refuses', () => new Registry([host, plugin({})]), /plugin → host.kind: plugin 的类型缺少 kind/],
    ['a point named outside its module', () => new Registry([{ ...host, extensionPoints: { 'other.kind': { label: 'x' } } }]), /must start with its module/],
    ['a workflow of no entity', () => new Registry([{ ...host, workflows: [wf('host.ghost')] }]), /no entity host.ghost/],
    ['an unsound workflow', () => new Registry([{ ...host, workflows: [{ ...wf('host.thing'), initial: 'z' }] }]), /unknown initial stage z/],
  ])('refuses %s at start-up', (_n, make, re) => {
    expect(make).toThrow(re);
  });
  it('accepts a sound workflow of an entity of the module', () => {
    expect(new Registry([{ ...host, workflows: [wf('host.thing')] }]).workflows.get('host.thing')?.module).toBe('host');
  });
});
