// The in-app notification centre (DESIGN.md "Notifications"): reading and marking my
// notifications and choosing how each kind reaches me by mail.
import { Module } from '@nestjs/common';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';

@Module({ providers: [NotificationsService, NotificationsResolver] })
export class NotificationsModule {}
