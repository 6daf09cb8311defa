/** Every Shopper Baskets operation against a recording fetch: request, answer, errors. */
import { describeOperations } from '../operationCases.ts'

describeOperations('baskets')
