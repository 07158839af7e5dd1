import { useEffect, useMemo, useState } from 'react';
import { currentPlace, type Place } from './api';

/**
 * The device's place on a capture page: asked once when the page opens (`asking` until the device
 * answers), and asked again by `fresh()` when something is taken — the last known place when the
 * device gives none this time (absent when never permitted — never invented).
 */
export function useDevicePlace() {
  const [place, setPlace] = useState<Place | null>(null);
  const [asking, setAsking] = useState(true);
  useEffect(() => {
    void currentPlace().then((p) => {
      setPlace(p);
      setAsking(false);
    });
  }, []);
  const fresh = async (): Promise<Place | null> => {
    const here = (await currentPlace()) ?? place;
    setPlace(here);
    return here;
  };
  return { place, asking, fresh };
}

/** An object URL showing a picked photo, released when the photo changes or the page closes. */
export function usePhotoPreview(photo: File | null): string | null {
  const preview = useMemo(() => (photo ? URL.createObjectURL(photo) : null), [photo]);
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview) : undefined), [preview]);
  return preview;
}
