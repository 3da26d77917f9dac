/**
 * wendbaar/samples — the built-in sample data on its own: a fictional Dutch municipality's
 * pool of forty people, its role catalogue and the eleven requests at its intake desk. The same
 * modules are in the main entry (`import { Sample } from 'wendbaar'`); importing them from here
 * keeps an app's code free of the rest of the library, and a bundler drops them from apps that
 * use neither.
 *
 * @packageDocumentation
 * @module wendbaar/samples
 */
export * as Sample from './samples/Sample.js'
export * as SampleRequests from './samples/SampleRequests.js'
