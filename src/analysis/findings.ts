/** What the diagnosis engine reports: findings, fixes and the run's verdict. */
import type { SourceSite } from './trace';

export const SYMPTOMS = [
  'non-finite-loss',
  'non-finite-output',
  'non-finite-weights',
  'non-finite-gradients',
  'loss-not-decreasing',
  'accuracy-not-increasing',
  'loss-oscillating',
  'loss-diverging',
  'constant-output',
  'output-out-of-range',
  'dead-relu',
  'saturated-activation',
  'vanishing-gradient',
  'exploding-gradient',
  'weights-unchanged',
  'weights-decayed',
  'overfitting',
  // Configuration findings, known before training starts.
  'activation-loss-mismatch',
  'label-encoding-mismatch',
  'unscaled-input',
  'learning-rate-out-of-range',
  'non-finite-data',
  'non-finite-validation-data',
  'loss-arguments-swapped',
  'high-dropout',
  'loss-shape-mismatch',
  'validation-unscaled',
  'unshuffled-batches',
  'validation-classes-unseen',
  'weights-frozen',
  // An assignment the optimizer's steps ignore.
  'learning-rate-ignored',
  // The script's memory: tensors made at every step and never freed.
  'tensor-leak',
  // A custom loop that makes a new optimizer at every step.
  'optimizer-recreated',
  'gradients-shrunk',
  'runaway-recurrent-state',
  'input-drowned',
  'validation-at-chance',
  'trainable-after-compile',
  'constraint-ignored',
  'loss-scaled-down',
  'loss-weights-zero',
  'percentage-loss-near-zero',
  'classification-loss-on-values',
  'dropout-after-output',
  'optimizer-epsilon-large',
  'optimizer-epsilon-zero',
  'rmsprop-decay-zero',
  'momentum-given-boolean',
  'class-weights-equal',
  'pixels-centred-on-channels',
  'sine-spread-wide',
  'fine-tuned-at-scratch-rate',
  'layer-shared-across-members',
  'sorted-by-boolean',
  'number-cut-at-comma',
  'number-sign-dropped',
  'loss-blind-to-targets',
  'rotated-by-degrees',
  'gather-across-rows',
  'epochs-repeated',
  'byte-order-mark-kept',
  'values-off-index',
  'integers-rounded',
  'evaluated-classes-unseen',
  'regex-state-carried',
  'weights-averaged',
  'weights-summed',
  'noise-seed-fixed',
  'errors-cancel-before-abs',
  'huber-branches-swapped',
  'step-below-float32-resolution',
  'pruning-removes-largest',
  'tags-reversed',
  'inputs-swapped',
  'input-given-twice',
  'output-bias-off-targets',
  'gradient-clip-inverted',
  'layer-output-detached',
  'dates-from-seconds',
  'hex-parsed-as-decimal',
  'number-behind-symbol',
  'scores-summed-over-batch',
  'inputs-standardized-narrow',
  'split-on-words',
  'inputs-scaled-apart',
  'labels-inverted',
  'optimizer-shared',
  'split-swapped',
  'empty-batch',
  'dropout-on-ids',
  'exp-of-exp',
  'inputs-drift',
  'masks-misaligned',
  'tags-misaligned',
  'restored-worst-epoch',
  'symmetric-weights',
  'ids-numbered-per-row',
  'tokens-mostly-one-id',
  'spread-grows-with-index',
  'class-weights-inverted',
  'class-weights-tiny',
  'fit-one-class-per-call',
  'dropout-mask-fixed',
  'logits-clipped',
  'norm-over-batch-axis',
  'attention-over-queries',
  'quantile-flipped',
  'opponents-cooperate',
  'draws-within-batch',
  'learning-rate-held-low',
  'weights-reset',
  'targets-are-inputs',
  'inputs-past-one-hot-depth',
  'output-untrained',
  'layer-bypassed',
  'targets-class-major',
  'distance-signed',
  'rate-groups-swapped',
  'var-list-missing',
  'argmax-target',
  'fed-by-untrained',
  'divisor-crossed-zero',
  'mask-multiplied',
  'scores-scaled-up',
  'rows-identical',
  'embeddings-unnormalized',
  'weights-copied-to-self',
  'positives-masked',
  'logits-as-probabilities',
  'heads-split-without-transpose',
  'restored-untrained',
  'focal-modulator-inverted',
  'max-over-batch',
  'ids-renumbered',
  'validation-channels-permuted',
  'softmax-rows-all-masked',
  'validation-targets-off-scale',
  'views-identical',
  'output-targets-swapped',
  'label-smoothing-heavy',
  'hidden-softmax',
  'gradient-ascent',
  'gradients-accumulated',
  'model-rebuilt',
  'frozen-untrained',
  'sequences-padded-at-end',
  'channels-first-images',
  'loss-over-batch-axis',
  'stopped-early',
  'minority-never-predicted',
  'one-class-targets',
  // Classes the output has a unit for that no training row holds.
  'classes-never-trained',
  'labels-are-ids',
  'rows-left-out',
  // Inputs and targets shuffled each in its own order.
  'labels-shuffled-apart',
  // tf.util.shuffle run on each sample's own steps or features.
  'sample-contents-shuffled',
  // A custom loop that runs dropout or batch normalization in inference mode.
  'training-mode-off',
  // fit validating on its own training data.
  'validation-is-training',
  // fit ended after tfjs's default single epoch while the loss was still falling.
  'training-cut-short',
  // fit given an initialEpoch at or past its epochs: it trains nothing.
  'fit-trains-no-epoch',
  // A loss computed through ops that pass no gradient (round, a clip it lies beyond).
  'loss-without-gradient',
  // A loss on the model's outputs divided by a temperature.
  'outputs-scaled-before-loss',
  // A custom loop that clips its gradients and applies the unclipped ones.
  'clipped-gradients-unused',
  // Residual blocks merged with Multiply where Add was meant.
  'residual-multiplied',
  // A loss weighted by a mask that keeps only rows of one target (the filler of missing ones).
  'loss-weights-one-target',
  // leakyReLU layers with alpha 1: the identity.
  'identity-activation',
  // A layer applied to a tensor whose output no layer takes: the next layer takes its input instead.
  'layer-output-unused',
  'input-unused',
  // A loss averaged over the rows a mask keeps: a batch that keeps none divides 0 by 0.
  'loss-divided-by-count',
  // A layer normalization over an axis that holds one value: every output is its beta.
  'normalized-to-constant',
  // A custom loop's gradients clipped to bounds that leave out every negative value.
  'gradients-clipped-one-sided',
  // A hinge relu(0 − d) on a distance: a contrastive loss whose margin is 0.
  'margin-zero',
  // Values in [0, 1] raised to a power that leaves the loss a tiny fraction of itself (a focal loss's gamma far above 2).
  'loss-shrunk-by-power',
  // Class ids that mean different things in different batches (encoded per batch).
  'labels-differ-by-batch',
  // A penalty on the weights subtracted from the loss instead of added.
  'penalty-subtracted',
  // The model used (evaluated, saved) by the script before the fit it did not wait for began.
  'used-before-training',
  // A loss that takes the log of model outputs that reach 0 or below (a variance from a linear unit).
  'log-of-signed-output',
  // A softmax written by hand, exp of the raw outputs with no row maximum subtracted.
  'softmax-unshifted',
  // Input columns that hold one value for every row, computed with ^ (XOR in JavaScript) as a power.
  'constant-input-columns',
  // Regression targets in two groups a unit's factor apart (metres and kilometres merged).
  'targets-mixed-units',
  // A custom loop's weights set back to 0 after each step wherever the optimizer moved them below.
  'weights-clamped',
  // fit's earlyStopping watches a metric its logs never hold ('val_accuracy' where tfjs logs 'val_acc').
  'monitor-missing',
  // A model used that never trained, while a copy of its layers made after it did.
  'used-untrained',
  // A model scored on rows an earlier fit of it trained on (one model fit fold after fold).
  'scored-on-trained-rows',
  // A target column holding a code for "unknown" (99999 among prices) as if it were a value.
  'target-sentinel',
  // Inputs squashed towards 0: scaled by a maximum a few outlying values set.
  'inputs-squashed',
  // A fit training at the rate a learning-rate range test's sweep ended at.
  'rate-left-by-sweep',
  // fit's targets held in its inputs: a column that is the label, or a window's own last step.
  'target-in-inputs',
  // A raw-variable loop training only its biases: its weight matrices made with tf.variable(init, false).
  'kernels-frozen',
  // Predicted probabilities compared with a threshold at or outside [0, 1] (pred.greater(0)).
  'threshold-outside-outputs',
  // A tf.losses error negated in the loss: training maximizes it.
  'loss-negated',
  // Every hidden weighted layer linear, with nothing nonlinear between: one linear map before the output.
  'linear-network',
  // A conv layer of a few filters whose kernel covers its whole input (filters and kernelSize swapped).
  'kernel-covers-input',
  // Input columns that are copies of another in every row: a feature row built with one field repeated.
  'inputs-copied-columns',
  // A division by a scalar 0 while training: Infinity or NaN.
  'divided-by-zero',
  // An attention mask added with the wrong sign: the softmax puts all the weight on the masked positions.
  'mask-raises-scores',
  // A trained model called with { training: true } for its predictions: dropout active.
  'dropout-at-inference',
  // Inputs whose last rows are all 0: a flat array filled at the wrong offset (xs.set(row, i)).
  'inputs-empty-tail',
  // An optimizer given arguments its tf.train factory does not take (Keras's SGD(lr, momentum) as tf.train.sgd).
  'optimizer-args-ignored',
  // A uniform draw compared with a threshold outside its range: a random mask that is all one value.
  'mask-constant',
  // A custom loop applying the same gradients, computed once, at every step.
  'gradients-reapplied',
  // A trained model given inputs far off the scale it was trained on (scaling skipped at inference).
  'inputs-off-scale',
  // An autoencoder fitted toward its noisy inputs while their clean values exist.
  'targets-noisy-inputs',
  // fit given validationData as an object, which it skips: no validation, and callbacks on val_ metrics never act.
  'validation-ignored',
  // An optimizer made with a config object where tfjs takes the learning rate.
  'optimizer-given-object',
  // Best weights kept as getWeights() returned them (the live tensors) and "restored" after fit.
  'weights-kept-live',
  // Regression targets with a share of exact 0s far from every other value: missing cells read as 0.
  'targets-zero-filled',
  // Micro-batch gradients accumulated as a sum and applied as one, where their mean was meant.
  'gradients-summed',
  // A custom loop's weights written outside the optimizer after each step.
  'weights-overwritten',
  'variables-without-gradient',
  'weights-untracked',
  // Data made as int32 from values with fractions.
  'truncated-to-int',
  // fitDataset's later epochs got no batch: the dataset's iterator was spent.
  'dataset-spent',
  // A convolution whose stride is larger than its kernel: rows and columns between its windows are never read.
  'stride-skips-input',
  'pointwise-convolutions',
  'bias-missing',
  // Noise added to the gradients before they are applied, far larger than the gradients.
  'gradients-drowned',
  // A batch normalization layer whose moving mean and variance can never move (momentum 1 or more).
  'moving-statistics-frozen',
  'moving-statistics-one-batch',
  // Every row of the training inputs is the same.
  'identical-inputs',
  'targets-unrelated',
  'same-batch',
  'batches-apart',
] as const;
export type Symptom = (typeof SYMPTOMS)[number];

/** What training showed, as a clause for "Training confirms it: …". */
export const SYMPTOM_SEEN: Record<Symptom, string> = {
  'non-finite-loss': 'the loss became NaN or infinite',
  'non-finite-output': "a layer's output became NaN or infinite",
  'non-finite-weights': 'the weights became NaN or infinite',
  'non-finite-gradients': 'the gradients became NaN or infinite',
  'loss-not-decreasing': 'the loss stopped decreasing',
  'accuracy-not-increasing': 'the accuracy stopped rising',
  'loss-oscillating': 'the loss oscillates',
  'loss-diverging': 'the loss diverges',
  'constant-output': 'the output stays constant',
  'output-out-of-range': 'the output stays at a bound of its range',
  'dead-relu': 'ReLU units died',
  'saturated-activation': 'activations saturated',
  'vanishing-gradient': 'the gradients vanished',
  'exploding-gradient': 'the gradients exploded',
  'weights-unchanged': 'the weights stopped changing',
  'weights-decayed': 'the regularizer shrank the weights to almost 0',
  overfitting: 'the validation loss rises while the training loss falls',
  'activation-loss-mismatch': 'the output activation does not suit the loss',
  'label-encoding-mismatch': 'the labels do not suit the loss',
  'unscaled-input': 'the inputs are not scaled',
  'learning-rate-out-of-range': 'the learning rate is out of range',
  'non-finite-data': 'the training data holds NaN or Infinity values',
  'non-finite-validation-data': 'the validation data holds NaN or Infinity values',
  'loss-arguments-swapped': 'the loss is given its labels and predictions in the wrong order',
  'high-dropout': 'a dropout layer drops most of its inputs',
  'loss-shape-mismatch': 'the loss compares tensors of different shapes',
  'validation-unscaled': 'validation is far worse than training from the start',
  'unshuffled-batches': 'the batches come from targets sorted by class, in order',
  'validation-classes-unseen': 'validation holds classes training never sees',
  'weights-frozen': 'training stopped: no layer has weights it may change',
  'learning-rate-ignored': 'the learning rate assignment is ignored',
  'tensor-leak': 'tensors made at every step are never freed',
  'optimizer-recreated': 'a new optimizer is made at every step',
  'gradients-shrunk': 'the applied gradients are a sliver of the computed ones',
  'runaway-recurrent-state': "a recurrent layer's state grows without bound",
  'input-drowned': 'a layer without weights adds values that dwarf its input',
  'validation-at-chance': 'validation scores as a guess while training learns',
  'trainable-after-compile': 'trainable changed after compile, which fit ignores',
  'constraint-ignored': 'a weight constraint that tfjs training never applies',
  'loss-scaled-down': 'a loss divided by many times the count of what it adds up',
  'loss-weights-zero': 'a loss whose every row weighs 0',
  'percentage-loss-near-zero': 'a percentage error on targets that reach 0',
  'classification-loss-on-values': 'a classification loss on values to predict',
  'dropout-after-output': "dropout drops the model's predictions",
  'optimizer-epsilon-large': "the optimizer's epsilon swamps its gradients",
  'optimizer-epsilon-zero': "the optimizer's epsilon is 0",
  'rmsprop-decay-zero': "RMSProp's decay is 0, so every step is the full rate",
  'momentum-given-boolean': 'the momentum is a boolean (the Nesterov flag in its place)',
  'class-weights-equal': 'class weights all alike on imbalanced classes',
  'pixels-centred-on-channels': "each pixel centred on its own channels' mean",
  'sine-spread-wide': 'a sine of values spread over hundreds of radians',
  'fine-tuned-at-scratch-rate': 'pretrained layers fine-tuned at the rate they were trained with from scratch',
  'layer-shared-across-members': "one layer object shared by an ensemble's members",
  'sorted-by-boolean': 'an array sorted with a comparator that returns a boolean',
  'number-cut-at-comma': 'numbers written with a comma parsed up to the comma',
  'number-sign-dropped': 'signed numbers read without their minus sign',
  'inputs-swapped': "a two-input model given its inputs in the wrong order",
  'input-given-twice': 'one tensor given for two of a model\'s inputs',
  'output-bias-off-targets': "an output bias that starts far from the targets' range",
  'gradient-clip-inverted': 'a clip by global norm that grows the gradients it should shrink',
  'layer-output-detached': 'a layer whose output is made from plain numbers, so no gradient passes it',
  'dates-from-seconds': 'Unix times in seconds read as milliseconds: every date in early 1970',
  'hex-parsed-as-decimal': 'hexadecimal ids parsed as decimal numbers, so distinct ids collapse',
  'number-behind-symbol': 'numbers written behind a currency sign parsed as NaN',
  'scores-summed-over-batch': "per-row scores summed over the whole batch into one number before the loss",
  'inputs-standardized-narrow': 'inputs centred but divided by far more than their deviation',
  'tags-reversed': "a tagger's words were reversed and its tags were not",
  'pruning-removes-largest': 'pruning zeroes the largest weights and keeps the smallest',
  'step-below-float32-resolution': 'a step added to the inputs is too small for float32, so it changes nothing',
  'huber-branches-swapped': 'a Huber loss squares the large errors and charges the small ones linearly',
  'errors-cancel-before-abs': 'the loss takes the absolute value of the summed errors, so errors of opposite sign cancel',
  'noise-seed-fixed': 'a noise draw is given the same seed at every step, so every step sees the same noise',
  'weights-summed': 'weights set to the sum of several models\' weights where their mean was meant',
  'weights-averaged': 'weights averaged across models trained from different starting weights',
  'regex-state-carried': "a global pattern's test() carrying its last match's position from text to text",
  'evaluated-classes-unseen': 'the model evaluated on classes no training row has',
  'byte-order-mark-kept': 'text split with the byte-order mark still on its first name',
  'values-off-index': 'values written at no array index, which the tensor never reads',
  'integers-rounded': 'whole numbers past 2^24 merged by float32',
  'epochs-repeated': 'fit given all the epochs at every pass of a loop over the epochs',
  'gather-across-rows': "a gather with one index per row that returns every row's value at every index",
  'rotated-by-degrees': 'images rotated by an angle in degrees where radians are taken',
  'loss-blind-to-targets': 'the loss leaves out the targets at one end of the output range, so the model answers the other end everywhere',
  'split-on-words': 'text split on the words themselves, keeping what lies between them',
  'inputs-scaled-apart': 'the scored inputs standardized with their own statistics, not the training ones',
  'labels-inverted': 'the model answers the held-out rows the opposite way: the training labels are inverted',
  'optimizer-shared': 'one optimizer shared by several models: each starts at the rate the last one left',
  'split-swapped': 'the training and test parts of a split swapped: training takes the smaller',
  'empty-batch': 'a training step on a batch of no rows',
  'dropout-on-ids': 'dropout or noise applied to token ids before an embedding',
  'exp-of-exp': 'the exponential of an exponential in the loss',
  'inputs-drift': 'inputs that spread wider at every fit',
  'masks-misaligned': 'segmentation masks out of line with their images',
  'tags-misaligned': 'tags padded at the other end from their token ids',
  'restored-worst-epoch': "the weights put back are the worst epoch's",
  'symmetric-weights': 'hidden units start identical and stay so',
  'ids-numbered-per-row': "token ids are numbered afresh in every text",
  'tokens-mostly-one-id': 'nearly every token is one id',
  'spread-grows-with-index': "the inputs' spread grows with the column's index",
  'class-weights-inverted': 'classWeight weights the common class up',
  'class-weights-tiny': 'classWeight weights so small that they shrink the loss and the steps',
  'fit-one-class-per-call': 'fit called once per class, each call undoing the last',
  'dropout-mask-fixed': 'dropout given a constant seed, so it drops the same units at every step',
  'logits-clipped': 'logits confined to a narrow range before the softmax (clipped, or cosines unscaled), which caps its confidence',
  'norm-over-batch-axis': "a layer output normalized over the batch's axis, not each row",
  'attention-over-queries': 'attention weights normalized over the queries, not the keys',
  'quantile-flipped': 'a pinball loss that cannot learn the quantile its τ names (the residual turned round, or τ written as a percentage)',
  'opponents-cooperate': 'a generator trained towards the verdict its discriminator gives fakes, so both losses reach 0',
  'draws-within-batch': 'batch indices drawn below the batch size, so training sees one batch of rows',
  'learning-rate-held-low': 'the learning rate never came near the one the optimizer was made with',
  'fit-trains-no-epoch': 'fit ran no epoch',
  'loss-without-gradient': 'no gradient reached the weights',
  'outputs-scaled-before-loss': "the loss sees the model's outputs scaled down",
  'clipped-gradients-unused': 'the clipped gradients are never applied',
  'residual-multiplied': 'residual blocks multiply where they should add',
  'loss-weights-one-target': 'the loss weights keep only rows of one target',
  'identity-activation': 'the hidden activations are the identity',
  'layer-output-unused': "a layer's output is never used",
  'input-unused': "a model's input reaches no layer",
  'loss-divided-by-count': 'the loss divides by a count that a batch can make 0',
  'normalized-to-constant': 'a layer normalization outputs the same value for every input',
  'gradients-clipped-one-sided': 'the gradients are clipped to one sign',
  'margin-zero': "a hinge in the loss has a margin of 0",
  'loss-shrunk-by-power': 'a power in the loss makes it a tiny fraction of itself',
  'labels-differ-by-batch': 'the class ids mean different things in different batches',
  'penalty-subtracted': 'a penalty on the weights is subtracted from the loss',
  'used-before-training': 'the model was used before its training began',
  'log-of-signed-output': 'the loss takes the log of outputs at or below 0',
  'softmax-unshifted': 'a softmax exponentiates the raw outputs',
  'constant-input-columns': 'some input columns hold one value for every row',
  'targets-mixed-units': 'the targets mix two units',
  'weights-clamped': 'the weights the optimizer moves below 0 are set back to 0',
  'monitor-missing': 'early stopping watches a metric the logs do not hold',
  'used-untrained': 'the model used is not the one trained',
  'scored-on-trained-rows': 'the model is scored on rows it trained on before',
  'target-sentinel': 'the targets hold a code for unknown values as if it were a value',
  'inputs-squashed': 'a few outlying values set the inputs\' scale and squash the rest towards 0',
  'rate-left-by-sweep': "training runs at the last rate of a range test's sweep",
  'target-in-inputs': 'the inputs hold the targets themselves',
  'kernels-frozen': 'the weight matrices were made non-trainable, so only the biases train',
  'threshold-outside-outputs': 'predicted probabilities are compared with a threshold they can never cross',
  'loss-negated': 'the loss is an error negated, so training maximizes the error',
  'linear-network': 'no hidden layer has an activation, so the network is one linear map',
  'kernel-covers-input': 'a conv layer\'s kernel covers its whole input, leaving a 1×1 map of a few channels',
  'inputs-copied-columns': 'some input columns are copies of another, so the fields meant for them are missing',
  'divided-by-zero': 'a value was divided by 0 while training, giving Infinity or NaN',
  'mask-raises-scores': 'a mask raises the scores it should shut out, so the softmax weighs only them',
  'dropout-at-inference': 'the trained model made its predictions with dropout still active',
  'inputs-empty-tail': 'most input rows, at the end, are all 0: the array behind them was filled only at its start',
  'optimizer-args-ignored': 'the optimizer was given arguments tfjs drops',
  'mask-constant': 'a random mask compares its draws with a threshold they never cross, so it is all one value',
  'gradients-reapplied': 'every step applies the same gradients, computed once',
  'inputs-off-scale': 'the model is used on inputs far off the scale it trained on',
  'targets-noisy-inputs': 'the targets are the noisy inputs, not their clean values',
  'validation-ignored': 'fit skipped its validation data',
  'optimizer-given-object': 'the optimizer was given an object as its learning rate',
  'weights-kept-live': 'the weights kept to restore were the live ones, so nothing was restored',
  'targets-zero-filled': 'missing targets were read as 0',
  'gradients-summed': 'the accumulated gradients are applied as a sum, not a mean',
  'weights-overwritten': 'the weights are overwritten after every step',
  'variables-without-gradient': 'some weights get no gradient',
  'weights-untracked': 'some weights are not the model\'s, so fit never trains them',
  'truncated-to-int': 'values with fractions were truncated to integers',
  'dataset-spent': 'later epochs got no batch',
  'moving-statistics-frozen': "batch normalization's moving statistics never move",
  'moving-statistics-one-batch': "batch normalization's moving statistics are one batch's",
  'gradients-drowned': 'the applied gradients are mostly noise',
  'stride-skips-input': 'the convolution never reads part of its input',
  'pointwise-convolutions': 'the convolutions read one position at a time',
  'bias-missing': 'no layer has a bias',
  'weights-reset': 'setWeights during training throws away what the steps learned',
  'sample-contents-shuffled': "each sample's own steps or features were shuffled",
  'targets-are-inputs': 'the targets are one of the input columns',
  'inputs-past-one-hot-depth': 'ids past the one-hot depth become rows of 0s',
  'output-untrained': 'one output of the model never trains',
  'layer-bypassed': "a layer's output does not depend on its weights",
  'targets-class-major': 'the one-hot targets were laid out class by class and read as rows',
  'distance-signed': "a pair's distance is a signed sum of differences",
  'rate-groups-swapped': 'the pretrained part gets the large rate and the new part the small one',
  'var-list-missing': "an optimizer's steps name no variables and also train another optimizer's",
  'argmax-target': "the loss's target is the model's own argMax",
  'fed-by-untrained': 'the loop learns from the predictions of a model never trained',
  'divisor-crossed-zero': 'a learned divisor went through 0',
  'mask-multiplied': 'a softmax takes scores multiplied by a 0/1 mask',
  'scores-scaled-up': 'attention scores are multiplied by the square root of their size',
  'rows-identical': 'every batch repeats one row',
  'embeddings-unnormalized': 'contrastive logits divide unnormalized embeddings by a cosine temperature',
  'weights-copied-to-self': "a model's weights are copied onto itself, not from the model meant",
  'positives-masked': "contrastive logits mask the diagonal, which holds each row's positive pair",
  'logits-as-probabilities': 'logits are clipped to [ε, 1] as if they were probabilities',
  'heads-split-without-transpose': 'attention heads are split by a reshape without the transpose',
  'restored-untrained': 'the weights kept as the best are the ones training began with',
  'focal-modulator-inverted': "a focal loss weighs each row by p^γ, not (1 − p)^γ",
  'max-over-batch': 'a maximum over predictions is taken across the batch',
  'ids-renumbered': 'the token ids are numbered anew between fit calls',
  'validation-channels-permuted': "the validation images' channels are in another order",
  'validation-targets-off-scale': "the validation targets are on another scale than the training targets",
  'softmax-rows-all-masked': 'a softmax is given rows masked to -Infinity throughout, which are NaN',
  'views-identical': 'the two views of each batch are the same values',
  'output-targets-swapped': "fit gives each output another's targets",
  'label-smoothing-heavy': 'label smoothing erases which class is right',
  'hidden-softmax': 'a hidden layer applies softmax',
  'gradient-ascent': 'the update climbs the loss',
  'gradients-accumulated': 'the applied gradients keep growing',
  'model-rebuilt': 'the loop trains a newly built model again and again',
  'frozen-untrained': 'a layer is frozen at its random initial weights',
  'sequences-padded-at-end': 'a recurrent layer reads zero padding last',
  'channels-first-images': 'images laid out channels-first for a channels-last convolution',
  'loss-over-batch-axis': 'the loss normalizes over the batch, not the classes',
  'stopped-early': 'early stopping ended training before the model learned',
  'minority-never-predicted': 'the model predicts the majority class for every row',
  'one-class-targets': 'every training target is the same class',
  'classes-never-trained': 'some class has no training row',
  'labels-are-ids': 'each class holds one or two training rows: the labels name the samples',
  'rows-left-out': 'most rows of the data train nothing',
  'labels-shuffled-apart': 'the inputs and targets were shuffled apart',
  'training-mode-off': 'dropout or batch normalization runs in inference mode while training',
  'validation-is-training': 'validation is done on the training data',
  'training-cut-short': 'training ended while the loss was still falling',
  'identical-inputs': 'every input row is the same',
  'targets-unrelated': 'the targets do not depend on the inputs',
  'same-batch': 'every step trains on the same rows',
  'batches-apart': "each batch's targets belong to other rows",
};

export const ROOT_CAUSES = [
  'output-activation',
  'hidden-activation',
  'loss-function',
  'learning-rate',
  'optimizer',
  'input-normalization',
  'training-data',
  'label-encoding',
  'weight-initialization',
  'architecture',
  'regularization',
  'batch-size',
  // How long the model trains: the number of epochs.
  'training-length',
  // Not the model's: the script keeps tensors it no longer needs.
  'tensor-disposal',
] as const;
export type RootCause = (typeof ROOT_CAUSES)[number];

/** One replacement in a source file. Lines and columns are 1-based; end is exclusive. */
export interface TextEdit {
  file: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  newText: string;
}

export interface Fix {
  /** One line, imperative: "Use softmax on dense_2 for 10-class cross-entropy". */
  title: string;
  edits: TextEdit[];
  /** The engine's best fix for the finding; alternatives are false. */
  preferred: boolean;
}

export interface LayerRef {
  name: string;
  index: number;
  className: string;
}

export interface Relevance {
  layer: LayerRef;
  /** 0..1; the finding's layer has the highest score. */
  score: number;
  evidence: string;
}

export interface Finding {
  /** Stable within a run: symptom plus what it is about, e.g. "dead-relu:dense_1". */
  id: string;
  symptom: Symptom;
  rootCause: RootCause;
  /** False for configuration findings that training has not (yet) confirmed. */
  confirmed: boolean;
  severity: 'error' | 'warning';
  /** One sentence a practitioner understands. */
  message: string;
  layer: LayerRef | null;
  /** The line to edit. */
  location: SourceSite | null;
  /** Where the symptom surfaced, when that is elsewhere (e.g. the fit call where loss went NaN). */
  related: Array<{ site: SourceSite; message: string }>;
  fix: Fix | null;
  alternatives: Fix[];
  /** Measured facts behind the finding, as short sentences. */
  evidence: string[];
  /** Training symptoms that confirmed this finding (for configuration findings and absorbed symptoms). */
  observed?: Symptom[];
  relevance: Relevance[];
  modelId: number;
  /** Optimizer step at which the evidence was conclusive (null for pre-training findings). */
  iteration: number | null;
  /** Optional: the step at which the symptom began, when earlier than `iteration` (trend charts mark it). */
  onset?: number;
  /** Milliseconds since training started when the finding was made. */
  elapsedMs: number;
}

export type Verdict = 'faulty' | 'healthy' | 'inconclusive' | 'error';

export interface RunSummary {
  script: string | null;
  exitCode: number | null;
  signal: string | null;
  stoppedEarly: boolean;
  iterations: number;
  epochs: number;
  durationMs: number;
  tfjsVersion: string | null;
  backend: string | null;
  error: { message: string; site: SourceSite | null } | null;
}

export interface Report {
  verdict: Verdict;
  findings: Finding[];
  run: RunSummary;
}
