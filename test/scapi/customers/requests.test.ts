/** Every Shopper Customers operation against a recording fetch: request, answer, errors. */
import { describeOperations } from '../operationCases.ts'

describeOperations('customers')
