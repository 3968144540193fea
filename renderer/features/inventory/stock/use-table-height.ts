import { useCallback, useEffect, useState } from 'react';

/** Room under the table body for its header row, the count line, the page padding and the status bar. */
const reservedBelow = 130;
const minimumHeight = 240;

/**
 * A virtual table needs its body height in pixels. This gives the height that fills the window below
 * where the table starts (measured once the table's container is in the page), following resizes.
 */
export function useTableHeight(): [(element: HTMLElement | null) => void, number] {
  const [top, setTop] = useState(300);
  const [windowHeight, setWindowHeight] = useState(window.innerHeight);
  useEffect(() => {
    const onResize = () => setWindowHeight(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  const measure = useCallback((element: HTMLElement | null) => {
    if (element) setTop(element.getBoundingClientRect().top);
  }, []);
  return [measure, Math.max(minimumHeight, Math.floor(windowHeight - top - reservedBelow))];
}
