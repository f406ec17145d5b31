import type { Operation, OperationContract, ServiceOperation, ServiceProfile, UnsupportedOperation } from '../kernel/types';

export const CUSTOM_SERVICE = 'custom';

export const isUnsupported = (
	contract: OperationContract | UnsupportedOperation,
): contract is UnsupportedOperation => 'notSupported' in contract;

export const OPERATION_NAMES: Record<Operation, string> = {
	sendResetEmail: 'Send Reset Email',
	resetPassword: 'Reset Password',
	verifyResetToken: 'Verify Reset Token',
	createResetLink: 'Create Reset Link',
	setPassword: 'Set Password',
	checkPassword: 'Check New Password',
};

/** The operations a profile may offer, in the order of a reset; Check New Password calls no service. */
export const SERVICE_OPERATIONS: readonly ServiceOperation[] = ['sendResetEmail', 'resetPassword', 'verifyResetToken', 'createResetLink', 'setPassword'];

export const isServiceOperation = (operation: Operation): operation is ServiceOperation => operation !== 'checkPassword';

const OTHER_OPERATION = 'Use another operation';

/** Why an operation a profile leaves out fails, and what to do instead. */
const NOT_OFFERED: Record<ServiceOperation, string> = {
	sendResetEmail: OTHER_OPERATION,
	resetPassword: OTHER_OPERATION,
	verifyResetToken: OTHER_OPERATION,
	createResetLink: 'It has no admin call that returns a reset link: use Send Reset Email, which has it mail its own',
	setPassword: 'It has no admin call that sets a password: use Create Reset Link or Send Reset Email',
};

/** Whether the profile offers the operation (it names it, and not as `notSupported`). */
export const offers = (profile: ServiceProfile, operation: ServiceOperation): boolean => {
	const contract = profile.operations[operation];
	return contract !== undefined && !isUnsupported(contract);
};

/** The profile's contract for an operation; an operation it leaves out is not supported. */
export const contractFor = (profile: ServiceProfile, operation: ServiceOperation): OperationContract | UnsupportedOperation =>
	profile.operations[operation] ?? {
		notSupported: `${profile.displayName} cannot ${OPERATION_NAMES[operation]} through its API. ${NOT_OFFERED[operation]}`,
	};
