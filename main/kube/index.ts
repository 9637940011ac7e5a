// Kubernetes object shapes, and the Status, Table and clock shapes the engine returns: pure types shared by the
// engine, kubectl, every door and the renderer. Imports nothing.

export * from './objects'
export * from './table'
export * from './status'
export * from './clock'
export * from './image-preview'
export * from './transitions'
export * from './history'
export * from './scheduling'
