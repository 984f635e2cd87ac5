// Coarse checks before a resolver runs ("may this actor ever create an Organization?").
// Record-level checks happen in services once the record is loaded (assertCan).
import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Action, SubjectType } from '@tsunagu/authz';
import { actorFromContext } from '../auth/auth.decorators';
import { AppError } from '../graphql/app-error';
import { abilityFor } from './authorize';

const REQUIRED = 'tsunagu:requiredAbility';

export const Can = (action: Action, subject: SubjectType) => SetMetadata(REQUIRED, { action, subject });

@Injectable()
export class CanGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.get<{ action: Action; subject: SubjectType } | undefined>(
      REQUIRED,
      context.getHandler(),
    );
    if (!required) return true;
    const actor = actorFromContext(context);
    if (!actor) throw new AppError('UNAUTHENTICATED');
    if (!abilityFor(actor).can(required.action, required.subject)) throw new AppError('FORBIDDEN');
    return true;
  }
}
