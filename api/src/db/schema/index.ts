export * from './places';
export * from './users';
export * from './cases';
export * from './tips';
export * from './messages';
export * from './points';
export * from './rewards';
export * from './ops';
