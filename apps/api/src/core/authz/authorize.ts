// API side of the shared abilities (libs/authz): one ability per request actor, and the two
// ways services use it — a check on a loaded record (FORBIDDEN), and NOT_FOUND for anything
// outside the actor's network, so ids of other networks reveal nothing.
import { Action, AppAbility, defineAbilityFor, Subject } from '@tsunagu/authz';
import { AppError } from '../graphql/app-error';
import type { RequestActor } from '../auth/actor';

const abilities = new WeakMap<RequestActor, AppAbility>();

export function abilityFor(actor: RequestActor): AppAbility {
  let ability = abilities.get(actor);
  if (!ability) {
    ability = defineAbilityFor(actor);
    abilities.set(actor, ability);
  }
  return ability;
}

export function assertCan(actor: RequestActor, action: Action, subject: Subject): void {
  if (!abilityFor(actor).can(action, subject)) {
    throw new AppError('FORBIDDEN');
  }
}

export function notFound(what: { ja: string; en: string }): AppError {
  return new AppError('NOT_FOUND', {
    ja: `${what.ja}が見つかりません。削除されたか、閲覧できない可能性があります。`,
    en: `The ${what.en} was not found. It may have been removed, or you may not have access to it.`,
  });
}
