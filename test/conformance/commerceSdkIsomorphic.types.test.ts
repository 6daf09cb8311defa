/**
 * Type conformance: our Shopper Customers and Baskets types against commerce-sdk-isomorphic
 * 5.6.0's, on their declared keys. Both sides carry an index signature (theirs `[key: string]`,
 * ours `` [attribute: `c_${string}`] `` for custom attributes), which would make any two object
 * types compatible; `KnownKeys` strips both, so a missing, extra, renamed or differently optional
 * field fails `tsc --noEmit` (the project type check includes this file). The `it` blocks only
 * name the checks: they are done by the compiler.
 */
import type {
  ShopperBasketsTypes as SB,
  ShopperCustomersTypes as SC,
} from 'commerce-sdk-isomorphic'
import { describe, expectTypeOf, it } from 'vitest'
import type {
  Basket,
  BasketsResult,
  Customer,
  CustomerAddress,
  CustomerExternalProfile,
  CustomerExtProfileRequest,
  CustomerOrderResult,
  CustomerPaymentInstrument,
  CustomerPaymentInstrumentRequest,
  CustomerPaymentInstrumentUpdateRequest,
  CustomerPaymentMethodReference,
  CustomerProductList,
  CustomerProductListItem,
  CustomerProductListResult,
  CustomerRegistration,
  Order,
  PasswordChangeRequest,
  PaymentCard,
  Product,
  PaymentMethodReferenceSetupRequest,
  PublicProductList,
  PublicProductListInfo,
  PublicProductListItem,
  PublicProductListItemResult,
  PublicProductListResult,
  ResetPasswordRequest,
  ResetPasswordToken,
  ResetPasswordTokenRequest,
} from '../../src/scapi/index.ts'

/** `T` without its index signatures (`c_${string}` included): the declared keys, modifiers kept. */
type KnownKeys<T> = {
  [K in keyof T as string extends K
    ? never
    : number extends K
      ? never
      : symbol extends K
        ? never
        : `c_${string}` extends K
          ? never
          : K]: T[K]
}

/** Each declared key of `T`, and whether it is optional. */
type Shape<T> = {
  [K in keyof KnownKeys<T>]-?: Record<never, never> extends Pick<KnownKeys<T>, K>
    ? 'optional'
    : 'required'
}

describe('the helpers can fail', () => {
  it('tells a missing key, an extra key and a different optionality apart', () => {
    type Base = { a: string; b?: number } & { [key: string]: unknown }
    expectTypeOf<Shape<Base>>().toEqualTypeOf<{ a: 'required'; b: 'optional' }>()
    expectTypeOf<Shape<Base>>().not.toEqualTypeOf<Shape<{ a: string }>>()
    expectTypeOf<Shape<Base>>().not.toEqualTypeOf<Shape<{ a: string; b?: number; c?: 1 }>>()
    expectTypeOf<Shape<Base>>().not.toEqualTypeOf<Shape<{ a?: string; b?: number }>>()
    // Without KnownKeys the index signature swallows the difference.
    expectTypeOf<Base>().toExtend<{ [key: string]: unknown }>()
  })

  it('drops a custom-attribute index signature, keeps a declared c_ key', () => {
    type Custom = { a: string; c_kept?: number } & { [attribute: `c_${string}`]: unknown }
    expectTypeOf<Shape<Custom>>().toEqualTypeOf<{ a: 'required'; c_kept: 'optional' }>()
  })
})

describe('the customer family: same keys, same optionality, values assignable both ways', () => {
  it('Customer', () => {
    expectTypeOf<Shape<Customer>>().toEqualTypeOf<Shape<SC.Customer>>()
    expectTypeOf<KnownKeys<Customer>>().toExtend<KnownKeys<SC.Customer>>()
    expectTypeOf<KnownKeys<SC.Customer>>().toExtend<KnownKeys<Customer>>()
  })

  it('CustomerAddress', () => {
    expectTypeOf<Shape<CustomerAddress>>().toEqualTypeOf<Shape<SC.CustomerAddress>>()
    expectTypeOf<KnownKeys<CustomerAddress>>().toExtend<KnownKeys<SC.CustomerAddress>>()
    expectTypeOf<KnownKeys<SC.CustomerAddress>>().toExtend<KnownKeys<CustomerAddress>>()
  })

  it('CustomerPaymentInstrument, PaymentCard, CustomerPaymentMethodReference', () => {
    expectTypeOf<Shape<CustomerPaymentInstrument>>().toEqualTypeOf<
      Shape<SC.CustomerPaymentInstrument>
    >()
    expectTypeOf<KnownKeys<CustomerPaymentInstrument>>().toExtend<
      KnownKeys<SC.CustomerPaymentInstrument>
    >()
    expectTypeOf<KnownKeys<SC.CustomerPaymentInstrument>>().toExtend<
      KnownKeys<CustomerPaymentInstrument>
    >()
    expectTypeOf<Shape<PaymentCard>>().toEqualTypeOf<Shape<SC.PaymentCard>>()
    expectTypeOf<Shape<CustomerPaymentMethodReference>>().toEqualTypeOf<
      Shape<SC.CustomerPaymentMethodReference>
    >()
  })

  // Our Product declares every key but leaves its nested parts (images, variants, ...) unchecked
  // (`UncheckedObject`): theirs is assignable to ours, not the other way round, so the lists and
  // items are compared without it and Product on its own.
  it('CustomerProductList', () => {
    expectTypeOf<Shape<CustomerProductList>>().toEqualTypeOf<Shape<SC.CustomerProductList>>()
    expectTypeOf<Omit<KnownKeys<CustomerProductList>, 'customerProductListItems'>>().toExtend<
      KnownKeys<SC.CustomerProductList>
    >()
    expectTypeOf<KnownKeys<SC.CustomerProductList>>().toExtend<KnownKeys<CustomerProductList>>()
  })

  it('CustomerProductListItem', () => {
    expectTypeOf<Shape<CustomerProductListItem>>().toEqualTypeOf<
      Shape<SC.CustomerProductListItem>
    >()
    expectTypeOf<Omit<KnownKeys<CustomerProductListItem>, 'product'>>().toExtend<
      KnownKeys<SC.CustomerProductListItem>
    >()
    expectTypeOf<KnownKeys<SC.CustomerProductListItem>>().toExtend<
      KnownKeys<CustomerProductListItem>
    >()
  })

  it('Product: same keys; theirs assignable to ours', () => {
    expectTypeOf<Shape<Product>>().toEqualTypeOf<Shape<SC.Product>>()
    expectTypeOf<KnownKeys<SC.Product>>().toExtend<KnownKeys<Product>>()
  })
})

describe('the other answers: same keys, same optionality', () => {
  it('product list results and public lists', () => {
    expectTypeOf<Shape<CustomerProductListResult>>().toEqualTypeOf<
      Shape<SC.CustomerProductListResult>
    >()
    expectTypeOf<Shape<PublicProductList>>().toEqualTypeOf<Shape<SC.PublicProductList>>()
    expectTypeOf<Shape<PublicProductListItem>>().toEqualTypeOf<Shape<SC.PublicProductListItem>>()
    expectTypeOf<Shape<PublicProductListInfo>>().toEqualTypeOf<Shape<SC.PublicProductListInfo>>()
    expectTypeOf<Shape<PublicProductListResult>>().toEqualTypeOf<
      Shape<SC.PublicProductListResult>
    >()
    expectTypeOf<Shape<PublicProductListItemResult>>().toEqualTypeOf<
      Shape<SC.PublicProductListItemResult>
    >()
  })

  it('external profile, reset token, baskets and orders', () => {
    expectTypeOf<Shape<CustomerExternalProfile>>().toEqualTypeOf<
      Shape<SC.CustomerExternalProfile>
    >()
    expectTypeOf<Shape<ResetPasswordToken>>().toEqualTypeOf<Shape<SC.ResetPasswordToken>>()
    expectTypeOf<Shape<BasketsResult>>().toEqualTypeOf<Shape<SC.BasketsResult>>()
    expectTypeOf<Shape<CustomerOrderResult>>().toEqualTypeOf<Shape<SC.CustomerOrderResult>>()
    expectTypeOf<Shape<Order>>().toEqualTypeOf<Shape<SC.Order>>()
    expectTypeOf<Shape<Basket>>().toEqualTypeOf<Shape<SC.Basket>>()
  })

  it('Basket covers every key of the Shopper Baskets API basket too', () => {
    type Missing = Exclude<keyof KnownKeys<SB.Basket>, keyof KnownKeys<Basket>>
    expectTypeOf<Missing>().toEqualTypeOf<never>()
  })
})

describe('request bodies: same top-level keys, same optionality', () => {
  it('registration, passwords, external profile', () => {
    expectTypeOf<Shape<CustomerRegistration>>().toEqualTypeOf<Shape<SC.CustomerRegistration>>()
    expectTypeOf<Shape<PasswordChangeRequest>>().toEqualTypeOf<Shape<SC.PasswordChangeRequest>>()
    expectTypeOf<Shape<ResetPasswordTokenRequest>>().toEqualTypeOf<
      Shape<SC.ResetPasswordTokenRequest>
    >()
    expectTypeOf<Shape<ResetPasswordRequest>>().toEqualTypeOf<Shape<SC.ResetPasswordRequest>>()
    expectTypeOf<Shape<CustomerExtProfileRequest>>().toEqualTypeOf<
      Shape<SC.CustomerExtProfileRequest>
    >()
  })

  it('payment instruments', () => {
    expectTypeOf<Shape<CustomerPaymentInstrumentRequest>>().toEqualTypeOf<
      Shape<SC.CustomerPaymentInstrumentRequest>
    >()
    expectTypeOf<Shape<CustomerPaymentInstrumentUpdateRequest>>().toEqualTypeOf<
      Shape<SC.CustomerPaymentInstrumentUpdateRequest>
    >()
    expectTypeOf<Shape<PaymentMethodReferenceSetupRequest>>().toEqualTypeOf<
      Shape<SC.PaymentMethodReferenceSetupRequest>
    >()
  })
})
