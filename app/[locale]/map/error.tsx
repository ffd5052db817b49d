'use client';

// Every segment shows the same error view (generic message, digest, retry): components/layout/error-view.tsx.
export { ErrorView as default } from '@/components/layout/error-view';
