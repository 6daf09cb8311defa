/**
 * The model types and their schemas (schemaKit.ts): the types declare each key and allow `c_*`
 * custom attributes only, so typos fail to compile; the schemas still keep every unknown key at
 * runtime, because SCAPI adds fields. The `expectTypeOf` lines are checked by `tsc --noEmit`
 * (the project type check includes this file); the consumer-side proof against the packed
 * tarball is test/package/types.test.ts.
 */
import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  type Basket,
  BasketSchema,
  type Customer,
  type CustomerAddress,
  CustomerAddressSchema,
  CustomerSchema,
  type CustomerUpdateBody,
  type TokenResponse,
} from '../../src/scapi/index.ts'
import type { DeclaredKeys, ShapeMatches } from '../../src/scapi/schemaKit.ts'

describe('the types', () => {
  it('allow declared keys and c_* custom attributes, nothing else', () => {
    expectTypeOf<Customer>().toHaveProperty('email')
    expectTypeOf<Customer>().toHaveProperty('c_loyaltyTier')
    expectTypeOf<Customer>().not.toHaveProperty('emial')
    expectTypeOf<Basket>().toHaveProperty('c_channel')
    expectTypeOf<Basket>().not.toHaveProperty('ordertotal')
    expectTypeOf<CustomerAddress['c_floor']>().toBeUnknown()
    // SLAS answers have no custom attributes.
    expectTypeOf<TokenResponse>().not.toHaveProperty('c_x')
    // A typo in a body is an excess property of the object literal, which only a literal shows
    // (the consumer test writes it); here: what a body may hold.
    expectTypeOf<{ firstName: string; c_tier: string }>().toExtend<CustomerUpdateBody>()
    expectTypeOf<{ firstName: number }>().not.toExtend<CustomerUpdateBody>()
  })

  it('are the schemas’ types, by name', () => {
    expectTypeOf(CustomerSchema.parse).returns.toEqualTypeOf<Customer>()
    expectTypeOf(BasketSchema.parse).returns.toEqualTypeOf<Basket>()
  })
})

describe('ShapeMatches (the schema-to-interface check) can fail', () => {
  type Model = { a: string; b?: number } & { [attribute: `c_${string}`]: unknown }

  it('accepts the same keys, optionality and types, ignoring the c_* index signature', () => {
    expectTypeOf<DeclaredKeys<Model>>().toEqualTypeOf<{ a: string; b?: number }>()
    expectTypeOf<ShapeMatches<{ a: string; b?: number }, Model>>().toEqualTypeOf<true>()
  })

  it('refuses a missing, extra, differently optional or differently typed key', () => {
    expectTypeOf<ShapeMatches<{ a: string }, Model>>().toEqualTypeOf<false>()
    expectTypeOf<ShapeMatches<{ a: string; b?: number; c?: 1 }, Model>>().toEqualTypeOf<false>()
    expectTypeOf<ShapeMatches<{ a: string; b: number }, Model>>().toEqualTypeOf<false>()
    expectTypeOf<ShapeMatches<{ a: string; b?: string }, Model>>().toEqualTypeOf<false>()
    expectTypeOf<ShapeMatches<{ a: 'x'; b?: number }, Model>>().toEqualTypeOf<false>()
  })
})

describe('the schemas', () => {
  it('keep unknown keys and custom attributes at runtime', () => {
    const customer = CustomerSchema.parse({ email: 'ada@example.com', c_tier: 'gold', added: 1 })
    expect(customer).toEqual({ email: 'ada@example.com', c_tier: 'gold', added: 1 })
    const address = { addressId: 'home', countryCode: 'us', lastName: 'Lovelace', later: true }
    // A response is checked by type only: a lower-case country code still reads.
    expect(CustomerAddressSchema.parse(address)).toEqual(address)
  })

  it('still check the declared keys', () => {
    expect(CustomerSchema.safeParse({ email: 42 }).success).toBe(false)
    expect(BasketSchema.safeParse({ productItems: [{ quantity: 'two' }] }).success).toBe(false)
  })
})
