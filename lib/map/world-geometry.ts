// The world map's geometry, projected once per server process: country outlines from Natural Earth
// 1:110m (world-atlas), and for the small states that scale leaves out, a point at their 1:50m
// centre, so that Singapore or Malta can be coloured and clicked. Server-only: the topologies
// never reach the browser, only the path strings drawn from them.
import 'server-only';
import { geoCentroid, geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';
import countries50m from 'world-atlas/countries-50m.json';
import { featurePartnerCode } from './geo-codes';

/** Width of the drawing in SVG units; the height follows from the projection. */
export const MAP_WIDTH = 960;

export interface MapShape {
  /** Unique within the map (Natural Earth's id, or its name where it has none). */
  key: string;
  /** The partner the shape is, or null (Northern Cyprus, Somaliland, Antarctica's neighbours…). */
  code: string | null;
  name: string;
  /** SVG path data in map units. */
  d: string;
}

export interface MapDot {
  code: string;
  name: string;
  x: number;
  y: number;
}

export interface WorldGeometry {
  width: number;
  height: number;
  shapes: readonly MapShape[];
  /** Small states absent from the 1:110m outlines, by partner code. */
  dots: ReadonlyMap<string, MapDot>;
  /** Every partner code the map can show, as a shape or a point. */
  drawable: ReadonlySet<string>;
}

type CountryTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;
type CountryFeature = Feature<Geometry, { name: string }>;

/** Antarctica has no trade and would take a fifth of the height. */
const LEFT_OUT = new Set(['ATA']);

function countries(topology: unknown): CountryFeature[] {
  // world-atlas ships TopoJSON with one GeometryCollection "countries" of named features.
  const topo = topology as CountryTopology;
  return (feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>).features;
}

function build(): WorldGeometry {
  const outlines = countries(countries110m).filter(
    (f) => !LEFT_OUT.has(featurePartnerCode(f.id, f.properties.name) ?? ''),
  );
  const collection: FeatureCollection<Geometry, { name: string }> = { type: 'FeatureCollection', features: outlines };
  const projection = geoEqualEarth().fitWidth(MAP_WIDTH, collection);
  const path = geoPath(projection).digits(1);
  const [[, top], [, bottom]] = path.bounds(collection);
  // Shift so that the drawing starts at y = 0 (fitWidth centres a sphere, not the countries kept).
  projection.translate([projection.translate()[0], projection.translate()[1] - top]);
  const height = Math.ceil(bottom - top);

  const shapes: MapShape[] = outlines.map((f, i) => ({
    key: f.id !== undefined ? `${f.id}-${i}` : f.properties.name,
    code: featurePartnerCode(f.id, f.properties.name),
    name: f.properties.name,
    d: path(f) ?? '',
  }));
  const outlined = new Set(shapes.flatMap((s) => (s.code ? [s.code] : [])));

  const dots = new Map<string, MapDot>();
  for (const f of countries(countries50m)) {
    const code = featurePartnerCode(f.id, f.properties.name);
    if (!code || outlined.has(code) || dots.has(code) || LEFT_OUT.has(code)) continue;
    const point = projection(geoCentroid(f));
    if (point)
      dots.set(code, {
        code,
        name: f.properties.name,
        x: Math.round(point[0] * 10) / 10,
        y: Math.round(point[1] * 10) / 10,
      });
  }
  return { width: MAP_WIDTH, height, shapes, dots, drawable: new Set([...outlined, ...dots.keys()]) };
}

let geometry: WorldGeometry | undefined;

/** The projected world, computed on first use and kept: it depends on nothing but the package. */
export function worldGeometry(): WorldGeometry {
  geometry ??= build();
  return geometry;
}
