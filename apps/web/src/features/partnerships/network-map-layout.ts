// Where each organisation sits on the network map: a d3-force simulation (links pull connected
// organisations together, a many-body charge pushes all apart, collision keeps labels from
// overlapping), run to rest at once rather than animated, so the picture does not move under
// the reader's pointer or focus. d3-force places unplaced nodes on a fixed spiral and uses its own
// seeded random source, so the same data always gives the same picture.
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';

export interface LayoutNode extends SimulationNodeDatum {
  readonly id: string;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

const ticks = 300;

export function layoutNetwork(
  nodeIds: readonly string[],
  links: ReadonlyArray<{ readonly sourceId: string; readonly targetId: string }>,
  size: { readonly width: number; readonly height: number },
  margin: number,
): Map<string, Point> {
  const nodes: LayoutNode[] = nodeIds.map((id) => ({ id }));
  // One link per connected pair is enough for the layout (flows both ways and a partnership
  // between the same two should not pull them three times as hard).
  const pairs = new Map<string, { source: string; target: string }>();
  for (const link of links) {
    const key = [link.sourceId, link.targetId].sort().join('|');
    if (!pairs.has(key)) pairs.set(key, { source: link.sourceId, target: link.targetId });
  }
  const simulation = forceSimulation(nodes)
    .force(
      'link',
      forceLink<LayoutNode, { source: string; target: string }>([...pairs.values()])
        .id((node) => node.id)
        .distance(190),
    )
    .force('charge', forceManyBody().strength(-650))
    .force('collide', forceCollide(70))
    // Organisations without any connection drift to the middle instead of off the picture.
    .force('x', forceX(size.width / 2).strength(0.04))
    .force('y', forceY(size.height / 2).strength(0.06))
    .force('center', forceCenter(size.width / 2, size.height / 2))
    .stop();
  simulation.tick(ticks);

  // Scale the result into the drawing, keeping room for the labels at the edges.
  const xs = nodes.map((node) => node.x ?? 0);
  const ys = nodes.map((node) => node.y ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const spanX = maxX - minX || 1;
  const spanY = maxY - minY || 1;
  const scale = Math.min((size.width - 2 * margin) / spanX, (size.height - 2 * margin) / spanY, 1.4);
  const offsetX = (size.width - spanX * scale) / 2;
  const offsetY = (size.height - spanY * scale) / 2;
  const positions = new Map<string, Point>();
  for (const node of nodes) {
    positions.set(node.id, {
      x: nodes.length === 1 ? size.width / 2 : offsetX + ((node.x ?? 0) - minX) * scale,
      y: nodes.length === 1 ? size.height / 2 : offsetY + ((node.y ?? 0) - minY) * scale,
    });
  }
  return positions;
}
