'use client';

// The observation page shares the app-wide error view (generic message, digest, retry).
export { default } from '../../error';
