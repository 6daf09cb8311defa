'use client'
/**
 * The React context that carries the session (and its account flows) from
 * `ShopperSessionProvider` to the hooks.
 *
 * @module
 */
import { createContext } from 'react'
import type { AccountFlows } from '../account/createAccountFlows.ts'
import type { SessionLike } from './sessionLike.ts'

/** What the Provider hands down. */
export interface ProvidedSession {
  session: SessionLike
  account: AccountFlows | undefined
}

/** `undefined` outside a Provider: the hooks say so instead of running without a session. */
export const ShopperSessionContext = createContext<ProvidedSession | undefined>(undefined)
ShopperSessionContext.displayName = 'ShopperSessionContext'
