import { expect } from 'chai';
import { fromScreen, toScreen } from '../src/shared/map/datum';

describe('web: map datum (WGS-84 ↔ GCJ-02 with gcoord)', () => {
  const tip = { lat: 26.8936, lng: 112.5719 };

  it('leaves points alone on a WGS-84 base map', () => {
    expect(toScreen(tip, 'wgs84')).to.deep.equal(tip);
    expect(fromScreen(tip, 'wgs84')).to.deep.equal(tip);
  });

  it('shifts a Hengyang point by a few hundred metres for a GCJ-02 map, and a placed pin back', () => {
    const shown = toScreen(tip, 'gcj02');
    const metres = Math.hypot((shown.lat - tip.lat) * 111_000, (shown.lng - tip.lng) * 111_000 * Math.cos((tip.lat * Math.PI) / 180));
    expect(metres).to.be.within(100, 1000);
    const back = fromScreen(shown, 'gcj02');
    expect(back.lat).to.be.closeTo(tip.lat, 1e-5);
    expect(back.lng).to.be.closeTo(tip.lng, 1e-5);
  });
});
