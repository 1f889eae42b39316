"use client";
import { type ReactNode, useEffect, useRef, useState } from "react";

/** Renders its children once their box comes near the viewport; until then the box keeps its height, so nothing shifts. */
export function RenderNearViewport({ height, children }: { height: number; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    if (near || !box.current) return;
    const observer = new IntersectionObserver((entries) => setNear(entries.some((entry) => entry.isIntersecting)), { rootMargin: "200px" });
    observer.observe(box.current);
    return () => observer.disconnect();
  }, [near]);
  return (
    <div ref={box} style={{ minHeight: height }}>
      {near ? children : null}
    </div>
  );
}
