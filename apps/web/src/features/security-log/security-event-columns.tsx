// The columns an entry of the security log shows, on /account (my history) and on the network's
// security log page: when (Japan time), what happened, how, from which address and device, and
// in which network. A method the web has no label for is shown as recorded.
import { Text } from '@mantine/core';
import type { DevicePartsFragment, SecurityEventKind } from '@tsunagu/graphql-client';
import type { i18n as I18n, TFunction } from 'i18next';
import { formatTimestamp } from '../../app/japan-time-format';
import type { ResponsiveColumn } from '../../app/responsive-table';
import { deviceKindLabel, deviceLabel } from '../account/device-label';

export interface SecurityEventRow {
  readonly id: string;
  readonly kind: SecurityEventKind;
  readonly method: string | null;
  readonly ipAddress: string | null;
  readonly occurredAt: string;
  readonly networkName: string | null;
  readonly device: DevicePartsFragment | null;
}

export function methodLabel(i18n: I18n, method: string | null): string {
  if (!method) return '—';
  const key = `security.method.${method}`;
  // The method is a recorded code known only at run time: looked up untyped once exists() said it is there.
  return i18n.exists(key) ? (i18n.t as unknown as (key: string) => string)(key) : method;
}

export function securityEventColumns<Row extends SecurityEventRow>(t: TFunction, i18n: I18n): ResponsiveColumn<Row>[] {
  return [
    {
      key: 'time',
      header: t('security.history.time'),
      card: 'title',
      cell: (event) => <time dateTime={event.occurredAt}>{formatTimestamp(event.occurredAt, i18n.language)}</time>,
    },
    { key: 'event', header: t('security.history.event'), cell: (event) => t(`security.kind.${event.kind}`) },
    { key: 'method', header: t('security.history.method'), cell: (event) => methodLabel(i18n, event.method) },
    { key: 'address', header: t('security.history.address'), cell: (event) => event.ipAddress ?? '—' },
    {
      key: 'device',
      header: t('security.history.device'),
      cell: (event) =>
        event.device ? (
          <>
            <Text span inherit>
              {deviceLabel(t, event.device)}
            </Text>
            <Text fz="xs" c="dimmed">
              {deviceKindLabel(t, event.device)}
            </Text>
          </>
        ) : (
          '—'
        ),
    },
    { key: 'network', header: t('security.history.network'), cell: (event) => event.networkName ?? '—' },
  ];
}
