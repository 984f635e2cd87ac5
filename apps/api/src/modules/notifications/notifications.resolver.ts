// The notification centre over GraphQL: thin, every call is about the actor's own membership.
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { NotificationDelivery, NotificationKind } from '@tsunagu/domain';
import type { RequestActor } from '../../core/auth/actor';
import { CurrentActor } from '../../core/auth/auth.decorators';
import { IdsArg } from '../../core/graphql/id-args';
import { listComplexity, PageArgs, toConnection } from '../../core/graphql/pagination';
import {
  Notification,
  NotificationConnection,
  NotificationDeliveryEnum,
  NotificationKindEnum,
  NotificationPreference,
} from '../referrals/referral.model';
import { ListedNotification, NotificationsService } from './notifications.service';

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(private readonly notifications: NotificationsService) {}

  @Query(() => NotificationConnection, {
    name: 'notifications',
    description: 'My notifications (my active membership), newest first.',
    complexity: listComplexity(10),
  })
  async notificationList(
    @CurrentActor() actor: RequestActor,
    @Args() page: PageArgs,
    @Args('unreadOnly', { type: () => Boolean, nullable: true, defaultValue: false }) unreadOnly?: boolean,
  ) {
    return toConnection(await this.notifications.list(actor, page.first, page.after, unreadOnly ?? false));
  }

  // The training fields come with each row from the list's one query; these only expose them.
  @ResolveField(() => ID, { nullable: true, description: 'TRAINING_ASSIGNED: the course assigned (open /training/courses/<id>).' })
  courseId(@Parent() notification: ListedNotification): string | null {
    return notification.courseId ?? null;
  }

  @ResolveField(() => String, { nullable: true, description: 'The title of the course, while I may still read it.' })
  courseTitle(@Parent() notification: ListedNotification): string | null {
    return notification.courseTitle ?? null;
  }

  @ResolveField(() => ID, { nullable: true, description: 'TRAINING_SESSION_PROMOTED: the training session (研修会) I now have a place in.' })
  trainingSessionId(@Parent() notification: ListedNotification): string | null {
    return notification.trainingSessionId ?? null;
  }

  @ResolveField(() => String, { nullable: true, description: 'The title of the training session.' })
  trainingSessionTitle(@Parent() notification: ListedNotification): string | null {
    return notification.trainingSessionTitle ?? null;
  }

  @Query(() => Int, { description: 'How many of my notifications are unread.' })
  unreadNotificationCount(@CurrentActor() actor: RequestActor): Promise<number> {
    return this.notifications.unreadCount(actor);
  }

  @Query(() => [NotificationPreference], { description: 'How I receive mail for each kind of notification (default IMMEDIATE).' })
  notificationPreferences(@CurrentActor() actor: RequestActor): Promise<NotificationPreference[]> {
    return this.notifications.preferences(actor);
  }

  @Mutation(() => Int, { description: 'Marks these notifications of mine read; returns my unread count. NOT_FOUND if one is not mine.' })
  markNotificationsRead(@CurrentActor() actor: RequestActor, @IdsArg('ids') ids: string[]): Promise<number> {
    return this.notifications.markRead(actor, ids);
  }

  @Mutation(() => Int, { description: 'Marks all my notifications read; returns my unread count (0).' })
  markAllNotificationsRead(@CurrentActor() actor: RequestActor): Promise<number> {
    return this.notifications.markAllRead(actor);
  }

  @Mutation(() => NotificationPreference, { description: 'Chooses how I receive mail for one kind: at once, daily digest, or off.' })
  setNotificationPreference(
    @CurrentActor() actor: RequestActor,
    @Args('kind', { type: () => NotificationKindEnum }) kind: NotificationKind,
    @Args('delivery', { type: () => NotificationDeliveryEnum }) delivery: NotificationDelivery,
  ): Promise<NotificationPreference> {
    return this.notifications.setPreference(actor, kind, delivery);
  }
}
