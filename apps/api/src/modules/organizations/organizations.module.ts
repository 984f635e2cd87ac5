import { Module } from '@nestjs/common';
import { OrganizationsResolver } from './organizations.resolver';
import { OrganizationsService } from './organizations.service';
import { OrganizationKindService } from './organization-kind.service';

@Module({ providers: [OrganizationsService, OrganizationKindService, OrganizationsResolver], exports: [OrganizationsService] })
export class OrganizationsModule {}
