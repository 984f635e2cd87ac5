import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { graphqlEnum } from '../graphql/enum-of';
import type { ServiceStatus } from './health.service';

export const ServiceStatusEnum = graphqlEnum(['UP', 'DOWN'], { name: 'ServiceStatus' }) satisfies Record<ServiceStatus, ServiceStatus>;

@ObjectType({ description: 'Liveness and readiness of the API as seen by a signed-out visitor.' })
export class Health {
  @Field(() => ServiceStatusEnum, { description: 'UP when every dependency is reachable.' }) status!: ServiceStatus;
  @Field(() => ServiceStatusEnum, { description: 'Whether the API can reach its PostgreSQL database right now.' }) database!: ServiceStatus;
  @Field({ description: 'Version of the running API build.' }) version!: string;
  @Field({ description: 'Deployment environment (development, test or production).' }) environment!: string;
  @Field(() => GraphQLISODateTime, { description: 'When the API answered this query.' }) checkedAt!: Date;
}
