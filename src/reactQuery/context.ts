'use client'
/**
 * The React context that carries the customers client from `ShopperQueryProvider` to the query
 * hooks (the session comes from `ShopperSessionProvider`).
 *
 * @module
 */
import { createContext } from 'react'
import type { ShopperCustomers } from '../customers.ts'

/** `undefined` outside the Provider: the hooks say so instead of running without a client. */
export const ShopperQueryContext = createContext<ShopperCustomers | undefined>(undefined)
ShopperQueryContext.displayName = 'ShopperQueryContext'
