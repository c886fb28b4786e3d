export * from './reference';
export * from './organisations';
export * from './workers';
export * from './mail';
export * from './onboarding';
export * from './auth';
export * from './attestations';
