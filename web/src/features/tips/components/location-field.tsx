import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapConfig } from '../../../shared/map/get-map-config';
import { isInHengyang } from '../draft/tip-rules';
import { ADDRESS_LENGTH } from '@hy/schemas/tip-rules';

// Leaflet comes only when the volunteer opens the map: the form itself stays light.
const PinPicker = lazy(() => import('./pin-picker').then((m) => ({ default: m.PinPicker })));

type GeoProblem = 'geoDenied' | 'geoUnavailable' | 'geoUnsupported' | 'geoOutside';
export type Coordinates = { lat: number; lng: number; accuracyMeters: number | null };

type Props = {
  address: string;
  onAddressChange: (address: string) => void;
  coordinates: Coordinates | null;
  onCoordinatesChange: (coordinates: Coordinates | null) => void;
  error: string | null;
  isDisabled: boolean;
};

/** "Location": a free-text address, plus the phone's position when the volunteer allows it. */
export function LocationField({ address, onAddressChange, coordinates, onCoordinatesChange, error, isDisabled }: Props) {
  const { t } = useTranslation('tips');
  const [isLocating, setLocating] = useState(false);
  const [problem, setProblem] = useState<GeoProblem | null>(null);
  const [isMapOpen, setMapOpen] = useState(false);
  const mapConfig = useMapConfig();

  const placePin = (point: { lat: number; lng: number }) => {
    if (!isInHengyang(point.lat, point.lng)) return setProblem('geoOutside');
    setProblem(null);
    onCoordinatesChange({ lat: point.lat, lng: point.lng, accuracyMeters: null });
  };

  const locate = () => {
    setProblem(null);
    if (!('geolocation' in navigator)) return setProblem('geoUnsupported');
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        const { latitude, longitude, accuracy } = position.coords;
        if (!isInHengyang(latitude, longitude)) return setProblem('geoOutside');
        onCoordinatesChange({
          lat: Number(latitude.toFixed(6)),
          lng: Number(longitude.toFixed(6)),
          accuracyMeters: Number.isFinite(accuracy) ? Math.round(accuracy) : null,
        });
      },
      (failure) => {
        setLocating(false);
        setProblem(failure.code === failure.PERMISSION_DENIED ? 'geoDenied' : 'geoUnavailable');
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };

  const describedBy = [error ? 'tip-location-error' : null, 'tip-location-hint'].filter(Boolean).join(' ');

  return (
    <div className="field">
      <label className="field-label" htmlFor="tip-address">
        {t('report.location')}
      </label>
      <input
        id="tip-address"
        className="input"
        type="text"
        name="address"
        autoComplete="off"
        maxLength={ADDRESS_LENGTH.max}
        value={address}
        onChange={(e) => onAddressChange(e.target.value)}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
      />
      <p className="field-hint" id="tip-location-hint">
        {t('report.locationHint')}
      </p>
      <button type="button" className="btn btn-secondary" onClick={locate} disabled={isLocating || isDisabled}>
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 2a1 1 0 0 1 1 1v1.06A8 8 0 0 1 19.94 11H21a1 1 0 1 1 0 2h-1.06A8 8 0 0 1 13 19.94V21a1 1 0 1 1-2 0v-1.06A8 8 0 0 1 4.06 13H3a1 1 0 1 1 0-2h1.06A8 8 0 0 1 11 4.06V3a1 1 0 0 1 1-1zm0 4a6 6 0 1 0 0 12 6 6 0 0 0 0-12zm0 3a3 3 0 1 1 0 6 3 3 0 0 1 0-6z"
          />
        </svg>
        {isLocating ? t('report.locating') : t('report.useMyLocation')}
      </button>
      <button
        type="button"
        className="btn btn-secondary"
        aria-expanded={isMapOpen}
        aria-controls="tip-pin-map"
        onClick={() => setMapOpen((open) => !open)}
        disabled={isDisabled}
      >
        {isMapOpen ? t('report.closeMap') : t('report.placeOnMap')}
      </button>
      {isMapOpen ? (
        <div id="tip-pin-map">
          <p className="field-hint">{t('report.mapHint')}</p>
          {mapConfig.data ? (
            <Suspense fallback={<p className="field-hint">{t('report.mapLoading')}</p>}>
              <PinPicker
                config={mapConfig.data}
                pin={coordinates ? { lat: coordinates.lat, lng: coordinates.lng } : null}
                onPlace={placePin}
                label={t('report.pin')}
              />
            </Suspense>
          ) : (
            <p className="field-hint">{mapConfig.isError ? t('report.mapUnavailable') : t('report.mapLoading')}</p>
          )}
        </div>
      ) : null}
      <div role="status">
        {coordinates ? (
          <p className="coords">
            <span>
              {t('report.coordinates', {
                // Not "lng": i18next reads that option as the language to translate into.
                latitude: coordinates.lat.toFixed(5),
                longitude: coordinates.lng.toFixed(5),
              })}
              {coordinates.accuracyMeters !== null ? ` (${t('report.accuracy', { meters: coordinates.accuracyMeters })})` : null}
            </span>
            <button type="button" className="link-button" onClick={() => onCoordinatesChange(null)} disabled={isDisabled}>
              {t('report.clearLocation')}
            </button>
          </p>
        ) : null}
        {problem ? <p className="field-hint">{t(`report.${problem}`)}</p> : null}
      </div>
      {error ? (
        <p className="field-error" id="tip-location-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
