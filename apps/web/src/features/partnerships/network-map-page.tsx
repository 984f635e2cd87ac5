// The network map (/network-map, for those who may read the network's reports: network admins
// and liaisons): organisations as nodes coloured by kind, partnerships as straight lines and
// referral flows over the chosen fiscal year as bent arrows, as wide as their count (labelled "x"
// when hidden). Hovering or focusing a node or an edge shows its details beside the picture;
// the same nodes and edges follow as tables, for screen readers and for reading exact figures.
import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Card, Grid, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { fiscalYearLabelJa, type OrganizationKind } from '@tsunagu/domain';
import { NetworkMapDocument, type NetworkMapQuery } from '@tsunagu/graphql-client';
import { DataTable, LoadingState, PageHeader } from '@tsunagu/ui';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError } from '../../app/api-errors';
import { useSession } from '../../app/auth/use-session';
import { organizationKindLabel } from '../../app/labels';
import { layoutNetwork, type Point } from './network-map-layout';
import {
  connectionsOf,
  drawableEdges,
  edgeWidths,
  defaultMapPeriod,
  fiscalYearOfPeriod,
  fiscalYearPeriod,
  periodRange,
  readMapPeriod,
  REFERRAL_BEND,
  type MapPeriod,
} from './network-map-model';
import { PartnershipTabs } from './partnership-tabs';
import { formatDay, usePartnershipLabels } from './vocabulary';

type MapNode = NetworkMapQuery['networkMap']['nodes'][number];
type MapEdge = NetworkMapQuery['networkMap']['edges'][number];

/** Node colours by organisation kind (Mantine palette, shade 7: readable on white, told apart in the legend). */
export const kindColors: Record<OrganizationKind, string> = {
  MUNICIPALITY: '#1c7ed6',
  SOCIAL_WELFARE_COUNCIL: '#2f9e44',
  NPO: '#e8590c',
  INTERMEDIARY: '#7048e8',
  OTHER: '#868e96',
};
const kindOrder: readonly OrganizationKind[] = ['MUNICIPALITY', 'SOCIAL_WELFARE_COUNCIL', 'NPO', 'INTERMEDIARY', 'OTHER'];
const partnershipColor = '#0b7285';
const referralColor = '#495057';
const drawing = { width: 960, height: 600 };
const nodeRadius = 16;

type Focus = { readonly type: 'node'; readonly id: string } | { readonly type: 'edge'; readonly index: number } | null;

export function NetworkMapPage() {
  const { t, i18n } = useTranslation();
  const { ability } = useSession();
  const [params, setParams] = useSearchParams();
  const period = useMemo(() => readMapPeriod(params, new Date()), [params]);
  const range = useMemo(() => periodRange(period), [period]);
  const allowed = ability.can('read', 'NetworkReport');
  const { data, previousData, loading, error } = useQuery(NetworkMapDocument, {
    variables: range,
    fetchPolicy: 'cache-and-network',
    skip: !allowed,
  });
  const map = data?.networkMap ?? previousData?.networkMap;

  if (!allowed) return <Navigate to="/partnerships" replace />;

  return (
    <>
      <PageHeader title={t('partnerships.map.title')} description={t('partnerships.map.description')} />
      <PartnershipTabs />
      <Stack gap="lg">
        <PeriodForm period={period} onApply={(next) => setParams({ from: next.from, to: next.to })} />
        {error ? <ApiErrorAlert error={readApiError(error)} /> : null}
        {loading && !map ? <LoadingState label={t('partnerships.map.loading')} /> : null}
        {map ? (
          <NetworkPicture
            nodes={map.nodes}
            edges={map.edges}
            periodText={t('partnerships.map.periodText', {
              from: formatDay(period.from, i18n.language),
              to: formatDay(period.to, i18n.language),
            })}
            busy={loading}
          />
        ) : null}
      </Stack>
    </>
  );
}

function PeriodForm({ period, onApply }: { period: MapPeriod; onApply: (period: MapPeriod) => void }) {
  const { t, i18n } = useTranslation();
  // Referral flows are published for whole fiscal years only (issue 14): the current one and the five before.
  const current = fiscalYearOfPeriod(defaultMapPeriod(new Date())) as number;
  const years = Array.from({ length: 6 }, (_, index) => current - index);
  const chosen = fiscalYearOfPeriod(period) ?? current;
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Select
        label={t('partnerships.map.periodLabel')}
        data={years.map((year) => ({ value: String(year), label: i18n.language.startsWith('ja') ? fiscalYearLabelJa(year) : t('partnerships.map.fiscalYear', { year, next: year + 1 }) }))}
        value={String(chosen)}
        onChange={(value) => value && onApply(fiscalYearPeriod(Number(value)))}
        allowDeselect={false}
        w={{ base: '100%', sm: 300 }}
      />
    </Group>
  );
}

/** The point on a bent edge's curve half way along, and the curve's control point. */
function bentPath(from: Point, to: Point, bend: number): { path: string; middle: Point } {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  // Perpendicular to the direction: flows both ways bend to opposite sides.
  const nx = -dy / length;
  const ny = dx / length;
  const control = { x: (from.x + to.x) / 2 + nx * bend * 2, y: (from.y + to.y) / 2 + ny * bend * 2 };
  // Stop short of the nodes so the arrowhead is not hidden under the target's circle.
  const shorten = (point: Point, towards: Point, by: number) => {
    const distance = Math.hypot(towards.x - point.x, towards.y - point.y) || 1;
    return { x: point.x + ((towards.x - point.x) / distance) * by, y: point.y + ((towards.y - point.y) / distance) * by };
  };
  const start = shorten(from, control, nodeRadius + 2);
  const end = shorten(to, control, nodeRadius + 6);
  const middle = { x: 0.25 * start.x + 0.5 * control.x + 0.25 * end.x, y: 0.25 * start.y + 0.5 * control.y + 0.25 * end.y };
  return { path: `M ${start.x} ${start.y} Q ${control.x} ${control.y} ${end.x} ${end.y}`, middle };
}

function NetworkPicture({ nodes, edges, periodText, busy }: { nodes: readonly MapNode[]; edges: readonly MapEdge[]; periodText: string; busy: boolean }) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const [focus, setFocus] = useState<Focus>(null);
  const nodeIds = useMemo(() => new Set(nodes.map((node) => node.id)), [nodes]);
  const shownEdges = useMemo(() => drawableEdges(edges, nodeIds), [edges, nodeIds]);
  const widths = useMemo(() => edgeWidths(shownEdges), [shownEdges]);
  const positions = useMemo(
    () => layoutNetwork(nodes.map((node) => node.id), shownEdges, drawing, 70),
    [nodes, shownEdges],
  );
  const names = useMemo(() => new Map(nodes.map((node) => [node.id, node.name])), [nodes]);
  const nameOf = (id: string) => names.get(id) ?? id;
  const partnershipCount = shownEdges.filter((edge) => edge.kind === 'PARTNERSHIP').length;
  const referralCount = shownEdges.filter((edge) => edge.kind === 'REFERRALS').length;

  const edgeText = (edge: MapEdge) =>
    edge.kind === 'REFERRALS'
      ? t('partnerships.map.referralEdge', { from: nameOf(edge.sourceId), to: nameOf(edge.targetId), flows: edge.referrals?.display ?? '0' })
      : t('partnerships.map.partnershipEdge', {
          from: nameOf(edge.sourceId),
          to: nameOf(edge.targetId),
          type: edge.partnershipType ? labels.type(edge.partnershipType) : '',
          status: edge.partnershipStatus ? labels.status(edge.partnershipStatus) : '',
        });
  const touches = (edge: MapEdge, index: number) =>
    !focus || (focus.type === 'node' ? edge.sourceId === focus.id || edge.targetId === focus.id : focus.index === index);

  if (nodes.length === 0) return <Text c="dimmed">{t('partnerships.map.empty')}</Text>;

  return (
    <Stack gap="lg">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 9 }}>
          <Card withBorder padding="xs" aria-busy={busy}>
            <svg
              viewBox={`0 0 ${drawing.width} ${drawing.height}`}
              width="100%"
              style={{ display: 'block', height: 'auto', maxHeight: '70vh' }}
              aria-labelledby="network-map-title network-map-desc"
              onMouseLeave={() => setFocus(null)}
            >
              <title id="network-map-title">{t('partnerships.map.svgTitle', { period: periodText })}</title>
              <desc id="network-map-desc">
                {t('partnerships.map.svgDescription', { nodes: nodes.length, partnerships: partnershipCount, referrals: referralCount })}
              </desc>
              <defs>
                <marker id="network-map-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="12" orient="auto-start-reverse">
                  <path d="M 0 0 L 10 5 L 0 10 z" fill={referralColor} />
                </marker>
              </defs>
              <g>
                {shownEdges.map((edge, index) => {
                  const from = positions.get(edge.sourceId);
                  const to = positions.get(edge.targetId);
                  if (!from || !to) return null;
                  const active = touches(edge, index);
                  const label = edgeText(edge);
                  if (edge.kind === 'REFERRALS') {
                    const { path, middle } = bentPath(from, to, REFERRAL_BEND);
                    return (
                      <g
                        key={`r-${edge.sourceId}-${edge.targetId}-${index}`}
                        tabIndex={0}
                        role="img"
                        aria-label={label}
                        opacity={active ? 1 : 0.15}
                        onMouseEnter={() => setFocus({ type: 'edge', index })}
                        onFocus={() => setFocus({ type: 'edge', index })}
                        onBlur={() => setFocus(null)}
                        style={{ cursor: 'default', outline: 'none' }}
                      >
                        {/* A wide transparent path makes thin edges easy to point at. */}
                        <path d={path} fill="none" stroke="transparent" strokeWidth={Math.max(14, widths[index] + 8)} />
                        <path
                          d={path}
                          fill="none"
                          stroke={referralColor}
                          strokeWidth={widths[index]}
                          strokeDasharray="7 4"
                          markerEnd="url(#network-map-arrow)"
                        />
                        <text
                          x={middle.x}
                          y={middle.y}
                          textAnchor="middle"
                          dominantBaseline="middle"
                          fontSize={13}
                          fontWeight={700}
                          fill="#212529"
                          stroke="#fff"
                          strokeWidth={4}
                          paintOrder="stroke"
                        >
                          {edge.referrals?.display ?? '0'}
                        </text>
                      </g>
                    );
                  }
                  return (
                    <g
                      key={`p-${edge.sourceId}-${edge.targetId}-${index}`}
                      tabIndex={0}
                      role="img"
                      aria-label={label}
                      opacity={active ? (edge.partnershipStatus === 'ENDED' ? 0.45 : 1) : 0.15}
                      onMouseEnter={() => setFocus({ type: 'edge', index })}
                      onFocus={() => setFocus({ type: 'edge', index })}
                      onBlur={() => setFocus(null)}
                      style={{ outline: 'none' }}
                    >
                      <line x1={from.x} y1={from.y} x2={to.x} y2={to.y} stroke="transparent" strokeWidth={14} />
                      <line
                        x1={from.x}
                        y1={from.y}
                        x2={to.x}
                        y2={to.y}
                        stroke={partnershipColor}
                        strokeWidth={widths[index]}
                        strokeDasharray={edge.partnershipStatus === 'PROPOSED' ? '2 4' : undefined}
                      />
                    </g>
                  );
                })}
              </g>
              <g>
                {nodes.map((node) => {
                  const point = positions.get(node.id);
                  if (!point) return null;
                  const focused = focus?.type === 'node' && focus.id === node.id;
                  const dimmed =
                    focus?.type === 'node'
                      ? !focused && !shownEdges.some((edge) => (edge.sourceId === focus.id && edge.targetId === node.id) || (edge.targetId === focus.id && edge.sourceId === node.id))
                      : focus?.type === 'edge'
                        ? shownEdges[focus.index]?.sourceId !== node.id && shownEdges[focus.index]?.targetId !== node.id
                        : false;
                  const shortName = node.name.length > 14 ? `${node.name.slice(0, 13)}…` : node.name;
                  return (
                    <g
                      key={node.id}
                      tabIndex={0}
                      role="img"
                      aria-label={t('partnerships.map.nodeLabel', { name: node.name, kind: organizationKindLabel(t, node.kind) })}
                      opacity={dimmed ? 0.3 : 1}
                      onMouseEnter={() => setFocus({ type: 'node', id: node.id })}
                      onFocus={() => setFocus({ type: 'node', id: node.id })}
                      onBlur={() => setFocus(null)}
                      style={{ outline: 'none' }}
                    >
                      <circle
                        cx={point.x}
                        cy={point.y}
                        r={nodeRadius}
                        fill={kindColors[node.kind]}
                        stroke={focused ? '#212529' : '#fff'}
                        strokeWidth={focused ? 4 : 2}
                      />
                      <text
                        x={point.x}
                        y={point.y + nodeRadius + 15}
                        textAnchor="middle"
                        fontSize={13}
                        fill="#212529"
                        stroke="#fff"
                        strokeWidth={4}
                        paintOrder="stroke"
                      >
                        {shortName}
                      </text>
                    </g>
                  );
                })}
              </g>
            </svg>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <Stack gap="md">
            <Legend />
            <Details focus={focus} nodes={nodes} edges={shownEdges} edgeText={edgeText} />
          </Stack>
        </Grid.Col>
      </Grid>
      <MapTables nodes={nodes} edges={shownEdges} nameOf={nameOf} />
    </Stack>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="network-map-legend">
      <Title order={2} fz="h5" id="network-map-legend" mb="xs">
        {t('partnerships.map.legend')}
      </Title>
      <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {kindOrder.map((kind) => (
          <Group component="li" key={kind} gap="xs" wrap="nowrap">
            <svg width="16" height="16" aria-hidden="true">
              <circle cx="8" cy="8" r="7" fill={kindColors[kind]} />
            </svg>
            <Text fz="sm">{organizationKindLabel(t, kind)}</Text>
          </Group>
        ))}
        <LegendLine label={t('partnerships.map.legendPartnership')}>
          <line x1="0" y1="6" x2="28" y2="6" stroke={partnershipColor} strokeWidth="3" />
        </LegendLine>
        <LegendLine label={t('partnerships.map.legendProposed')}>
          <line x1="0" y1="6" x2="28" y2="6" stroke={partnershipColor} strokeWidth="3" strokeDasharray="2 4" />
        </LegendLine>
        <LegendLine label={t('partnerships.map.legendReferrals')}>
          <line x1="0" y1="6" x2="24" y2="6" stroke={referralColor} strokeWidth="3" strokeDasharray="7 4" />
          <path d="M 22 2 L 28 6 L 22 10 z" fill={referralColor} />
        </LegendLine>
      </Stack>
    </Card>
  );
}

/** One kind of line of the map, drawn as on the map (`children`: the SVG shapes), and what it means. */
function LegendLine({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group component="li" gap="xs" wrap="nowrap">
      <svg width="28" height="12" aria-hidden="true">
        {children}
      </svg>
      <Text fz="sm">{label}</Text>
    </Group>
  );
}

function Details({
  focus,
  nodes,
  edges,
  edgeText,
}: {
  focus: Focus;
  nodes: readonly MapNode[];
  edges: readonly MapEdge[];
  edgeText: (edge: MapEdge) => string;
}) {
  const { t } = useTranslation();
  let content = <Text fz="sm" c="dimmed">{t('partnerships.map.detailsHint')}</Text>;
  if (focus?.type === 'node') {
    const node = nodes.find((entry) => entry.id === focus.id);
    if (node) {
      const connections = connectionsOf(edges, node.id);
      const section = (title: string, indexes: number[]) =>
        indexes.length ? (
          <div>
            <Text fz="sm" fw={500}>
              {title}
            </Text>
            <Stack component="ul" gap={2} style={{ margin: 0, paddingInlineStart: '1.1rem' }}>
              {indexes.map((index) => (
                <Text component="li" fz="sm" key={index}>
                  {edgeText(edges[index])}
                </Text>
              ))}
            </Stack>
          </div>
        ) : null;
      content = (
        <Stack gap="xs">
          <Text fw={700}>{node.name}</Text>
          <Badge variant="light" color="gray" tt="none" w="fit-content">
            {organizationKindLabel(t, node.kind)}
          </Badge>
          {section(t('partnerships.map.partnerships'), connections.partnerships)}
          {section(t('partnerships.map.referralsOut'), connections.referralsOut)}
          {section(t('partnerships.map.referralsIn'), connections.referralsIn)}
          {connections.partnerships.length + connections.referralsOut.length + connections.referralsIn.length === 0 ? (
            <Text fz="sm" c="dimmed">
              {t('partnerships.map.noConnections')}
            </Text>
          ) : null}
        </Stack>
      );
    }
  } else if (focus?.type === 'edge' && edges[focus.index]) {
    content = <Text fz="sm">{edgeText(edges[focus.index])}</Text>;
  }
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="network-map-details">
      <Title order={2} fz="h5" id="network-map-details" mb="xs">
        {t('partnerships.map.details')}
      </Title>
      <div aria-live="polite">{content}</div>
    </Card>
  );
}

function MapTables({ nodes, edges, nameOf }: { nodes: readonly MapNode[]; edges: readonly MapEdge[]; nameOf: (id: string) => string }) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const sortedNodes = [...nodes].sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || a.name.localeCompare(b.name, 'ja'));
  return (
    <Stack gap="lg">
      <section aria-labelledby="network-map-nodes-heading">
        <Title order={2} fz="h4" id="network-map-nodes-heading" mb="sm">
          {t('partnerships.map.nodesTable')}
        </Title>
        <Table.ScrollContainer minWidth={480}>
          <Table striped aria-labelledby="network-map-nodes-heading">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('partnerships.map.organization')}</Table.Th>
                <Table.Th scope="col">{t('partnerships.map.kind')}</Table.Th>
                <Table.Th scope="col">{t('partnerships.map.connections')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sortedNodes.map((node) => {
                const connections = connectionsOf(edges, node.id);
                return (
                  <Table.Tr key={node.id}>
                    <Table.Th scope="row" fw={500}>
                      {node.name}
                    </Table.Th>
                    <Table.Td>{organizationKindLabel(t, node.kind)}</Table.Td>
                    <Table.Td>
                      {t('partnerships.map.connectionCounts', {
                        partnerships: connections.partnerships.length,
                        flows: connections.referralsOut.length + connections.referralsIn.length,
                      })}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>
      <section aria-labelledby="network-map-edges-heading">
        <Title order={2} fz="h4" id="network-map-edges-heading" mb="sm">
          {t('partnerships.map.edgesTable')}
        </Title>
        {edges.length === 0 ? (
          <Alert variant="light" color="gray">
            {t('partnerships.map.noEdges')}
          </Alert>
        ) : (
          <DataTable
            minWidth={640}
            labelledBy="network-map-edges-heading"
            // Two organisations may have several partnerships of one kind: the place in the list keeps keys apart.
            rows={edges.map((edge, index) => ({ edge, key: `${edge.kind}-${edge.sourceId}-${edge.targetId}-${index}` }))}
            rowKey={(row) => row.key}
            columns={[
              {
                key: 'kind',
                header: t('partnerships.map.edgeKind'),
                cell: ({ edge }) => (edge.kind === 'REFERRALS' ? t('partnerships.map.referralKind') : t('partnerships.map.partnershipKind')),
              },
              { key: 'source', header: t('partnerships.map.source'), cell: ({ edge }) => nameOf(edge.sourceId) },
              { key: 'target', header: t('partnerships.map.target'), cell: ({ edge }) => nameOf(edge.targetId) },
              {
                key: 'detail',
                header: t('partnerships.map.edgeDetail'),
                cell: ({ edge }) =>
                  edge.kind === 'REFERRALS'
                    ? t('partnerships.map.referralCount', { flows: edge.referrals?.display ?? '0' })
                    : [edge.partnershipType ? labels.type(edge.partnershipType) : null, edge.partnershipStatus ? labels.status(edge.partnershipStatus) : null]
                        .filter(Boolean)
                        .join(' · '),
              },
            ]}
          />
        )}
      </section>
    </Stack>
  );
}
