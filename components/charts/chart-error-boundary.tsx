'use client';

import { Component, type ErrorInfo, type ReactNode } from 'react';

interface ChartErrorBoundaryProps {
  /** Height of the chart area, so the page does not jump when the message replaces it. */
  height: number;
  testId?: string;
  children: ReactNode;
}

interface ChartErrorBoundaryState {
  failed: boolean;
}

/**
 * A chart that fails to draw shows a message in its place instead of taking the whole page down;
 * the table alternative next to it still has the numbers. (Error boundaries must be classes.)
 */
export class ChartErrorBoundary extends Component<ChartErrorBoundaryProps, ChartErrorBoundaryState> {
  override state: ChartErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): ChartErrorBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('[chart] failed to render', error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div
        role="alert"
        data-testid={this.props.testId}
        data-error="true"
        className="flex items-center justify-center rounded-lg border border-dashed border-border px-4 text-center text-sm text-muted-foreground"
        style={{ height: this.props.height }}
      >
        This chart could not be drawn. The numbers are in the table below it.
      </div>
    );
  }
}
