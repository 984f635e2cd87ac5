// GraphQL types of training sessions (研修会): the session as a member sees it, its
// registrations (for the running organisation's trainers only) and the input trainers send.
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { REGISTRATION_STATUSES, RegistrationStatus, SESSION_STATUSES, SessionStatus } from '@tsunagu/domain';
import { graphqlEnum } from '../../../core/graphql/enum-of';
import { Connection } from '../../../core/graphql/pagination';

export const TrainingSessionStatusEnum = graphqlEnum(SESSION_STATUSES.codes, { name: 'TrainingSessionStatus', description: 'CANCELLED is final.' });
export const RegistrationStatusEnum = graphqlEnum(REGISTRATION_STATUSES.codes, { name: 'RegistrationStatus' });

@ObjectType({ description: 'The course a session belongs to (a course of the running organisation).' })
export class TrainingSessionCourse {
  @Field(() => ID) id!: string;
  @Field() title!: string;
}

@ObjectType({ description: "A member's registration for a session." })
export class SessionRegistration {
  @Field(() => ID) id!: string;
  @Field(() => RegistrationStatusEnum) status!: RegistrationStatus;
  @Field() memberName!: string;
  @Field() organizationName!: string;
  @Field(() => GraphQLISODateTime, { description: 'When the member joined the queue (the waiting list is served in this order).' }) queuedAt!: Date;
  @Field(() => Int, { nullable: true, description: '1 = next to get a place; only for WAITLISTED.' }) waitlistPosition!: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Recorded by the trainers after the session; null = not recorded.' })
  attended!: boolean | null;
}

@ObjectType({ description: 'A training session (研修会) of an organisation: a date, a place or an online link, and a capacity.' })
export class TrainingSession {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field() description!: string;
  @Field(() => TrainingSessionCourse, { nullable: true }) course!: TrainingSessionCourse | null;
  @Field() organizationName!: string;
  @Field(() => GraphQLISODateTime) startsAt!: Date;
  @Field(() => GraphQLISODateTime) endsAt!: Date;
  @Field(() => String, { nullable: true }) place!: string | null;
  @Field(() => String, { nullable: true }) onlineUrl!: string | null;
  @Field(() => Int) capacity!: number;
  @Field(() => TrainingSessionStatusEnum) status!: SessionStatus;
  @Field(() => Int) registeredCount!: number;
  @Field(() => Int) waitlistCount!: number;
  @Field(() => SessionRegistration, { nullable: true, description: 'Mine, in any status (null if I never registered).' })
  myRegistration!: SessionRegistration | null;
  @Field({ description: 'I am a trainer of the running organisation (edit, cancel, see registrations, record attendance).' }) mayManage!: boolean;
  /** Loaded with the page for managers only; the resolver refuses everyone else. */
  registrationList!: SessionRegistration[];
  @Field(() => String, {
    nullable: true,
    description: '"/api/training/sessions/<id>/ics" when I am REGISTERED (GET with the bearer token, text/calendar).',
  })
  icsPath!: string | null;
}

@ObjectType()
export class TrainingSessionConnection extends Connection(TrainingSession, 'TrainingSession') {}

@InputType({ description: 'Every field of a session; an update replaces them all. At least a place or an online link.' })
export class TrainingSessionInput {
  @Field() title!: string;
  @Field({ defaultValue: '' }) description!: string;
  @Field(() => ID, { nullable: true, description: "One of my organisation's courses." }) courseId?: string | null;
  @Field(() => GraphQLISODateTime) startsAt!: Date;
  @Field(() => GraphQLISODateTime) endsAt!: Date;
  @Field(() => String, { nullable: true }) place?: string | null;
  @Field(() => String, { nullable: true, description: 'http(s) link of the online meeting.' }) onlineUrl?: string | null;
  @Field(() => Int, { description: '1–10000 places.' }) capacity!: number;
}
