// Demand kinds are declared in the manifests (`contributes: { 'demands.kind': [...] }`) and
// checked by the registry at start-up; nothing registers a kind by importing a file.
import { describe, expect, it } from 'vitest';
import { Registry } from '../../../src/core/system.js';
import type { ModuleDef } from '../../../src/core/module.js';
import { demandsModule } from '../../../src/modules/demands/module.js';
import { demandKindProblems, demandKindsOf, type DemandKindDef } from '../../../src/modules/demands/index.js';
import { hotlineModule } from '../../../src/modules/hotline/module.js';
import { hotlineKind } from '../../../src/modules/hotline/index.js';
import { petitionsModule } from '../../../src/modules/petitions/module.js';
import { petitionKind } from '../../../src/modules/petitions/index.js';
import { proposalKind } from '../../../src/modules/proposals/index.js';
import { disclosureKind } from '../../../src/modules/disclosure/index.js';

const kinds = (modules: readonly ModuleDef[]) => demandKindsOf(new Registry(modules)).map((k) => k.kind);

describe('demand kinds declared in the manifest', () => {
  it('gives back the kinds of the modules listed, in manifest order — a kind module not listed is not a kind', () => {
    expect(kinds([demandsModule, hotlineModule])).toEqual(['hotline']);
    expect(kinds([demandsModule, petitionsModule, hotlineModule])).toEqual(['petition', 'hotline']);
    expect(kinds([demandsModule])).toEqual([]);
  });

  it.each([
    ['hotline', hotlineKind],
    ['petitions', petitionKind],
    ['proposals', proposalKind],
    ['disclosure', disclosureKind],
  ])('finds the %s kind sound', (module, def) => {
    expect(demandKindProblems(def, module)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a missing label', { label: '' }, 'hotline：缺少 label'],
    ['another module', { module: 'petitions' }, 'module petitions 不是贡献它的模块 hotline'],
    ['an entity of another module', { entity: 'petitions.petition' }, 'entity petitions.petition 应以 hotline. 开头'],
    ['a permission missing', { permissions: { read: 'hotline.read', write: 'hotline.write' } }, 'permissions 应有 read、write、personal'],
    ['steps without a reply label', { steps: { ...hotlineKind.steps, replyLabel: '' } }, '缺少 steps.replyLabel'],
    ['a clock from a sign step it does not have', { steps: { ...hotlineKind.steps, sign: null }, clockFrom: 'signed' }, '须有签收/受理步骤'],
    ['a pause without reasons', { steps: { ...hotlineKind.steps, pause: true } }, '可中止计时的类型须列出中止事由'],
    ['an unknown doneBy', { doneBy: 'evaluate' }, 'doneBy 应为 reply 或 close'],
    ['no main rule', { mainRule: undefined }, '缺少 mainRule'],
    ['results that are not texts', { results: [1, 2] }, 'results 应为 null 或文字列表'],
  ])('refuses %s', (_n, patch, problem) => {
    expect(demandKindProblems({ ...hotlineKind, ...patch }, 'hotline').join('\n')).toContain(problem);
  });

  it.each<[string, ModuleDef, RegExp]>([
    [
      'a malformed contribution, naming the module, the point and the kind',
      { ...hotlineModule, contributes: { 'demands.kind': [{ ...hotlineKind, satisfactionValues: '满意' } as unknown as DemandKindDef] } },
      /hotline → demands.kind: hotline：satisfactionValues 应为文字列表/,
    ],
    ['a kind contributed twice', { ...hotlineModule, contributes: { 'demands.kind': [hotlineKind, hotlineKind] } }, /诉求类型 hotline 重复/],
    ['a kind whose module lists no workflow for it', { ...hotlineModule, workflows: [] }, /未在 workflows 中列出 hotline.order 的办理流程/],
  ])('stops the start on %s', (_n, module, re) => {
    expect(() => new Registry([demandsModule, module])).toThrow(re);
  });

  it('stops the start on a kind contributed without the demands module', () => {
    expect(() => new Registry([hotlineModule])).toThrow(/contributes to unknown extension point demands.kind/);
  });
});
