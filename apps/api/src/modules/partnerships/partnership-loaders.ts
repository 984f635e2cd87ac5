// Per-request batching of Partnership.interactions: a page of partnerships asking for their
// interactions costs two statements (the pages, their follow-ups), not two per partnership.
// Keys with the same `first` and `after` are read together.
import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { RequestActor } from '../../core/auth/actor';
import { decodeCursor, Page, pageSize, toPage } from '../../core/graphql/pagination';
import type { PartnershipInteraction } from './partnership.model';
import { toFollowUp, toInteraction } from './partnership-reader';
import { PartnershipsService } from './partnerships.service';

interface InteractionsKey {
  readonly partnershipId: string;
  readonly first: number | null;
  readonly after: string | null;
}

@Injectable()
export class PartnershipLoaders {
  private readonly loaders = new WeakMap<RequestActor, DataLoader<InteractionsKey, Page<PartnershipInteraction>, string>>();

  constructor(private readonly partnerships: PartnershipsService) {}

  /** One page of a partnership's interactions, newest first (occurred_on, then id). */
  interactions(actor: RequestActor, partnershipId: string, first: number | null, after: string | null): Promise<Page<PartnershipInteraction>> {
    // Checked here, so a bad argument is this field's error alone.
    pageSize(first);
    decodeCursor(after);
    return this.of(actor).load({ partnershipId, first, after });
  }

  private of(actor: RequestActor): DataLoader<InteractionsKey, Page<PartnershipInteraction>, string> {
    let loader = this.loaders.get(actor);
    if (!loader) {
      loader = new DataLoader((keys) => this.load(actor, keys), { cacheKeyFn: (key) => JSON.stringify([key.partnershipId, key.first, key.after]) });
      this.loaders.set(actor, loader);
    }
    return loader;
  }

  private async load(actor: RequestActor, keys: readonly InteractionsKey[]): Promise<Array<Page<PartnershipInteraction>>> {
    const groups = new Map<string, InteractionsKey[]>();
    for (const key of keys) {
      const group = JSON.stringify([key.first, key.after]);
      groups.set(group, [...(groups.get(group) ?? []), key]);
    }
    const pages = new Map<InteractionsKey, Page<PartnershipInteraction>>();
    const today = this.partnerships.today();
    for (const group of groups.values()) {
      const size = pageSize(group[0].first);
      const { rows, followUps } = await this.partnerships.interactionsOf(
        actor,
        group.map((key) => key.partnershipId),
        size,
        decodeCursor(group[0].after),
      );
      for (const key of group) {
        const page = toPage(
          rows.filter((row) => row.partnership_id === key.partnershipId),
          size,
          (row) => ({ key: row.sort_key, id: row.id }),
        );
        pages.set(key, {
          ...page,
          nodes: page.nodes.map((row) => toInteraction(row, followUps.filter((followUp) => followUp.interaction_id === row.id).map((followUp) => toFollowUp(followUp, today)))),
        });
      }
    }
    return keys.map((key) => pages.get(key) as Page<PartnershipInteraction>);
  }
}
